// Messages about a Secret's data name the key and the problem, never the value; code frames mask it.
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { runTkc, tempDir } from "../support/cli.js";

const PLANTED = ["S3cr3t!Passw0rd", "4242424242", "planted-block-value-7731", "a-very-long-planted-secret-that-goes-on-and-on-past-the-preview-cut-0123456789"];

const SECRET = `apiVersion: v1
kind: Secret
metadata:
  name: db
type: Opaque
data:
  password: ${PLANTED[0]}
  cert: |
    ${PLANTED[2]}
  long: "${PLANTED[3]}"
stringData:
  token: ${PLANTED[1]}
  nested: {a: 1}
`;

test("Secret values appear in no message, hint or code frame, in any --format", () => {
  const dir = tempDir("tkc-secret-");
  const file = join(dir, "secret.yaml");
  writeFileSync(file, SECRET);
  for (const format of ["text", "json"]) {
    const result = runTkc(["validate", file, "--format", format]);
    assert.equal(result.status, 1, result.stderr);
    const output = result.stdout + result.stderr;
    for (const value of PLANTED) {
      assert.ok(!output.includes(value), `${format} output shows ${value}:\n${output}`);
      assert.ok(!output.includes(value.slice(0, 12)), `${format} output shows the start of ${value}`);
    }
    // the key and the problem are still named
    assert.match(output, /data\.password: the value is not base64-encoded data/);
    assert.match(output, /stringData\.token: expected string, got integer/);
    assert.match(output, /quote the value/);
  }
  const text = runTkc(["validate", file]).stderr;
  assert.match(text, /7 \|   password: \*\*\*\*\n/);
  assert.match(text, /12 \|   token: \*\*\*\*\n/);
});

test("values outside a Secret's data are still quoted in messages", () => {
  const dir = tempDir("tkc-secret-");
  const file = join(dir, "cm.yaml");
  writeFileSync(file, "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  port: 8080\n");
  const result = runTkc(["validate", file]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /data\.port: expected string, got integer 8080[\s\S]*5 \|   port: 8080[\s\S]*hint: quote it: "8080"/);
});
