import { asRecord, show } from "../guards.js";
import { relatedAt } from "../report.js";
import { configKeyProblem } from "../../../../syntax/index.js";
import type { SemanticRule } from "./rule.js";

const MAX_BYTES = 1024 * 1024;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const REQUIRED_KEYS: Readonly<Record<string, readonly (readonly string[])[]>> = {
  "kubernetes.io/tls": [["tls.crt"], ["tls.key"]],
  "kubernetes.io/dockerconfigjson": [[".dockerconfigjson"]],
  "kubernetes.io/dockercfg": [[".dockercfg"]],
  "kubernetes.io/ssh-auth": [["ssh-privatekey"]],
  "kubernetes.io/basic-auth": [["username", "password"]],
};

/** TKC3601-3606: ConfigMap and Secret keys, overlaps, sizes, base64 and the keys each Secret type needs. */
export const configData: SemanticRule = {
  name: "config-data",
  kinds: ["ConfigMap", "Secret"],
  check(target, _bundle, report) {
    if (target.group !== "" || (target.kind !== "ConfigMap" && target.kind !== "Secret")) return;
    const isSecret = target.kind === "Secret";
    const sections = isSecret ? (["data", "stringData"] as const) : (["data", "binaryData"] as const);
    const base64Section = isSecret ? "data" : "binaryData";
    const firstSeen = new Map<string, string>();
    let bytes = 0;
    for (const section of sections) {
      for (const [key, value] of Object.entries(asRecord(target.object[section]) ?? {})) {
        const path = [section, key];
        const problem = configKeyProblem(key);
        if (problem) report.error("TKC3601", path, `${target.kind} key ${show(key)} is not valid: it ${problem}`, "use letters, digits, '-', '_' and '.', e.g. \"app.properties\"");
        const text = typeof value === "string" ? value : "";
        if (section === base64Section) {
          if (!BASE64.test(text)) report.error("TKC3606", path, `${section} value of ${show(key)} is not valid base64`, isSecret ? "base64-encode the value, or put plain text under stringData" : "base64-encode the value, or put text under data");
          else bytes += Buffer.from(text, "base64").length;
        } else bytes += Buffer.byteLength(text, "utf8");
        if (!isSecret) bytes += Buffer.byteLength(key, "utf8");
        const earlier = firstSeen.get(key);
        if (earlier === undefined) {
          firstSeen.set(key, section);
        } else if (isSecret) {
          report.warning("TKC3603", path, `Secret key ${show(key)} is in both data and stringData; the stringData value wins`, "keep the key in only one of them", [relatedAt(target, [earlier, key], "the data entry is here")]);
        } else {
          report.error("TKC3602", path, `ConfigMap key ${show(key)} is in both data and binaryData`, "keep the key in only one of them", [relatedAt(target, [earlier, key], "the data entry is here")]);
        }
      }
    }
    if (bytes > MAX_BYTES) {
      report.error("TKC3604", [sections[0]], `${target.kind} data totals ${bytes} bytes, over the 1 MiB (1048576-byte) limit`, "split the data over several objects, or mount it from a volume or image instead");
    }
    if (!isSecret) return;
    const type = typeof target.object.type === "string" ? target.object.type : "Opaque";
    for (const alternatives of REQUIRED_KEYS[type] ?? []) {
      if (alternatives.some((k) => firstSeen.has(k))) continue;
      const wanted = alternatives.map((k) => show(k)).join(" or ");
      report.error("TKC3605", ["data"], `Secret of type ${type} must have the key ${wanted}`, `add ${wanted} under data (base64) or stringData`);
    }
    if (type === "kubernetes.io/service-account-token" && !asRecord(asRecord(target.object.metadata)?.annotations)?.["kubernetes.io/service-account.name"]) {
      report.error("TKC3605", ["metadata", "annotations"], "Secret of type kubernetes.io/service-account-token needs the annotation kubernetes.io/service-account.name", "add the annotation naming the ServiceAccount");
    }
  },
};
