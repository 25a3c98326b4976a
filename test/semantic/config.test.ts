import { test } from "node:test";
import { expectDiagnostic, fullBundle, run } from "./fixtures.js";

test("TKC3601: data keys", () => {
  const { config } = fullBundle();
  config.data["my key"] = "x";
  expectDiagnostic(run([config]), "TKC3601", 'data["my key"]', '"my key" is not valid');
  const { tls } = fullBundle();
  tls.stringData["..hidden"] = "x";
  expectDiagnostic(run([tls]), "TKC3601", 'stringData["..hidden"]', "must not start with '..'");
});

test("TKC3602: ConfigMap key in data and binaryData", () => {
  const { config } = fullBundle();
  config.binaryData["app.properties"] = "YQ==";
  const hit = expectDiagnostic(run([config]), "TKC3602", 'binaryData["app.properties"]', "in both data and binaryData");
  if (!hit.related?.length) throw new Error("related expected");
});

test("TKC3603: Secret stringData overriding data is a warning", () => {
  const { tls } = fullBundle();
  tls.stringData["tls.crt"] = "plain";
  expectDiagnostic(run([tls]), "TKC3603", 'stringData["tls.crt"]', "the stringData value wins", { severity: "warning" });
});

test("TKC3604: more than 1 MiB", () => {
  const { config } = fullBundle();
  config.data.big = "x".repeat(1024 * 1024);
  expectDiagnostic(run([config]), "TKC3604", "data", "over the 1 MiB");
});

test("TKC3605: required keys per Secret type", () => {
  const { tls } = fullBundle();
  delete tls.stringData["tls.key"];
  expectDiagnostic(run([tls]), "TKC3605", "data", 'must have the key "tls.key"');
  const pull = { apiVersion: "v1", kind: "Secret", metadata: { name: "pull" }, type: "kubernetes.io/dockerconfigjson", data: {} };
  expectDiagnostic(run([pull]), "TKC3605", "data", '".dockerconfigjson"');
});

test("TKC3606: base64 in Secret data", () => {
  const { tls } = fullBundle();
  tls.data["tls.crt"] = "not base64!";
  expectDiagnostic(run([tls]), "TKC3606", 'data["tls.crt"]', "not valid base64");
});
