// syntax/: the one module of Kubernetes value syntaxes the stdlib and the compiler share. The cases
// follow k8s.io/apimachinery/pkg/util/validation (IsDNS1123Label, IsDNS1123Subdomain, IsValidPercent).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  DNS1123_LABEL_SOURCE, DNS1123_SUBDOMAIN_SOURCE, apiGroup, dns1123LabelProblem, imagePin, imageReferenceProblem, intOrPercentProblem, isCount, isDns1123Label, isDns1123Subdomain, percentValue, portNameProblem,
} from "../../syntax/index.js";

const goodLabels = ["a", "ab", "abc", "a1", "a-1", "a--1--2--b", "0", "01", "012", "1a", "1-a", "1--a--b--2", "a".repeat(63)];
const badLabels = ["", "A", "ABC", "aBc", "A1", "A-1", "1-A", "-", "a-", "-a", "1-", "-1", "_", "a_", "_a", "a_b", ".", "a.", ".a", "a.b", " ", "a b", "a".repeat(64)];

test("DNS-1123 labels: the server's good and bad cases", () => {
  for (const label of goodLabels) assert.ok(isDns1123Label(label) && dns1123LabelProblem(label) === undefined, label);
  for (const label of badLabels) assert.ok(!isDns1123Label(label) && dns1123LabelProblem(label) !== undefined, JSON.stringify(label));
  assert.equal(isDns1123Label("shop", 3), false, "a caller's tighter limit (release names: 53)");
  assert.equal(isDns1123Label(42), false);
});

test("DNS-1123 subdomains: dot-separated labels, at most 253 characters", () => {
  for (const name of ["a", "a.b", "a-1.b-2", "db.example.com", `${"a".repeat(63)}.${"b".repeat(63)}`, "1.2.3.4"]) assert.ok(isDns1123Subdomain(name), name);
  for (const name of ["", ".", "a.", ".a", "a..b", "A.b", "a_b.c", "a.-b", `${"a.".repeat(126)}ab`]) assert.ok(!isDns1123Subdomain(name), name);
  assert.ok(isDns1123Subdomain(`${"a.".repeat(125)}abc`), "253 characters");
});

test("the exported pattern sources embed the same syntax", () => {
  const label = new RegExp(`^${DNS1123_LABEL_SOURCE}$`);
  const subdomain = new RegExp(`^${DNS1123_SUBDOMAIN_SOURCE}$`);
  for (const value of [...goodLabels.slice(0, -1), ...badLabels.slice(0, -1)]) assert.equal(label.test(value), isDns1123Label(value), JSON.stringify(value));
  for (const value of ["a.b", "a..b", "db.example.com", "a."]) assert.equal(subdomain.test(value), isDns1123Subdomain(value), value);
});

test("int-or-percent: IsValidPercent's ^[0-9]+%$ (leading zeros too) or a whole count >= 0", () => {
  assert.equal(percentValue("25%"), 25);
  assert.equal(percentValue("05%"), 5, "the server accepts leading zeros");
  assert.equal(percentValue("0%"), 0);
  for (const bad of ["25", "%", "-5%", "2.5%", " 5%", "5 %", 25]) assert.equal(percentValue(bad), undefined, String(bad));
  assert.ok(isCount(0) && isCount(3) && !isCount(-1) && !isCount(1.5) && !isCount("1"));
  assert.equal(intOrPercentProblem(1), undefined);
  assert.equal(intOrPercentProblem("100%"), undefined);
  assert.match(intOrPercentProblem(-1)!, /whole number/);
  assert.match(intOrPercentProblem("25")!, /percentage/);
  assert.match(intOrPercentProblem(null)!, /neither/);
});

test("port names follow IANA_SVC_NAME: '--' is rejected as the server does", () => {
  assert.equal(portNameProblem("http-metrics"), undefined);
  assert.match(portNameProblem("a--b")!, /--/);
  assert.match(portNameProblem("1234")!, /letter/);
});

test("image pins: registry ports are not tags, digests win", () => {
  assert.deepEqual(imagePin("nginx"), {});
  assert.deepEqual(imagePin("registry:5000/shop/web:1.4.2"), { tag: "1.4.2" });
  assert.deepEqual(imagePin("web@sha256:abc"), { digest: "sha256:abc" });
});

// The grammar of distribution's reference, which the kubelet parses images with (cases after its
// reference_test.go and normalize_test.go, written here; a failure there is InvalidImageName).
test("image references: what the kubelet parses, and why not", () => {
  const hex = "a".repeat(64);
  const good = [
    "nginx", "nginx:1.27", "nginx:", "library/nginx:1.27", `nginx@sha256:${hex}`, `ghcr.io/org/app:1.0.0-rc.1_b@sha256:${hex}`,
    "registry.example.com:5000/team/app:v1.2.3", "localhost/app", "localhost:5000/app:x", "[::1]:5000/app:tag", "[fe80::1%eth0]/x".replace("%eth0", ""),
    "Registry.Example.COM/app", "a__b/c-d/e.f_g", "a---b", "quay.io/a/b/c/d/e:TAG_1.x-y", `${"a".repeat(100)}/${"b".repeat(100)}:${"t".repeat(128)}`,
  ];
  for (const image of good) assert.equal(imageReferenceProblem(image), undefined, image);
  const bad: [string, RegExp][] = [
    ["Shop/Web:1", /capital letters/],
    ["nginx:1.28,foo=bar", /tag "1\.28,foo=bar"/],
    ["nginx:-x", /tag "-x"/],
    ["nginx:.x", /tag "\.x"/],
    [`nginx:${"t".repeat(129)}`, /tag/],
    ["nginx@sha256:abc", /digest "sha256:abc"/],
    [`nginx@${hex}`, /digest/],
    ["-nginx", /repository part "-nginx"/],
    ["nginx-", /repository part "nginx-"/],
    ["a..b", /repository part "a\.\.b"/],
    ["a___b", /repository part "a___b"/],
    ["team//app", /repository part ""/],
    ["my_registry:5000/app", /registry "my_registry:5000"/],
    ["registry.example.com:port/app", /registry/],
    ["-bad.example.com/app", /registry/],
    [hex, /64-character hexadecimal ID/],
    ["nginx latest", /repository part "nginx latest"/],
    [`${"a".repeat(250)}`, /characters long .*over 255/],
  ];
  for (const [image, why] of bad) assert.match(imageReferenceProblem(image) ?? "(none)", why, image);
  // a registry part must hold '.' or ':', be localhost or have capitals; otherwise it is a path
  assert.equal(imageReferenceProblem("myregistry/app"), undefined);
  assert.match(imageReferenceProblem("MyRegistry/App") ?? "", /capital letters/);
});

test("API groups: the part before the first slash, \"\" for the core group and for non-strings", () => {
  assert.equal(apiGroup("v1"), "");
  assert.equal(apiGroup("apps/v1"), "apps");
  assert.equal(apiGroup("gateway.networking.k8s.io/v1"), "gateway.networking.k8s.io");

  assert.equal(apiGroup(undefined), "");
  assert.equal(apiGroup(42), "");
});
