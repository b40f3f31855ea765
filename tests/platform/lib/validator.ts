import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import type { KeptSchema } from "./crd-schema";
import { schemaDir } from "./reference";

export function keptSchemas(): Map<string, KeptSchema> {
  const out = new Map<string, KeptSchema>();
  for (const file of readdirSync(schemaDir)
    .filter((f) => f.endsWith(".json"))
    .sort()) {
    out.set(file, JSON.parse(readFileSync(path.join(schemaDir, file), "utf8")) as KeptSchema);
  }
  return out;
}

export interface Validator {
  handles(apiVersion: string, kind: string): boolean;
  validate(object: unknown, apiVersion: string, kind: string): string[];
}

// The formats Kubernetes uses are checked by the API server; here they only need to be known.
// `url` (Tinkerbell v0.21.0's Workflow isoURL) is no format Kubernetes knows: it ignores it too.
const formats = {
  "date-time": true,
  uri: true,
  url: true,
  int32: true,
  int64: true,
  ipv4: true,
  ipv6: true,
} as const;

// CRD patterns are Go (RE2) syntax; the only construct JavaScript lacks here is a leading (?i).
function goRegExp(pattern: string, flags: string): RegExp {
  const insensitive = pattern.startsWith("(?i)");
  const source = insensitive ? pattern.slice(4) : pattern;
  return new RegExp(source, insensitive ? `${flags}i` : flags);
}
goRegExp.code = "goRegExp";

export function createValidator(schemas = keptSchemas()): Validator {
  const ajv = new Ajv({
    allErrors: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    formats,
    code: { regExp: goRegExp },
  });
  const byKey = new Map<string, ValidateFunction>();
  for (const kept of schemas.values()) {
    byKey.set(`${kept.apiVersion} ${kept.kind}`, ajv.compile(kept.schema));
  }
  return {
    handles: (apiVersion, kind) => byKey.has(`${apiVersion} ${kind}`),
    validate(object, apiVersion, kind) {
      const check = byKey.get(`${apiVersion} ${kind}`);
      if (!check) return [`no kept schema for ${apiVersion} ${kind}`];
      if (check(object)) return [];
      return (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? ""}`.trim());
    },
  };
}
