import { readFileSync } from "node:fs";
import { parse } from "yaml";

export type JsonSchema = { [key: string]: unknown };

export interface KeptSchema {
  apiVersion: string;
  kind: string;
  source: string;
  schema: JsonSchema;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

// Turns a structural OpenAPI v3 schema into JSON Schema that ajv can run strictly:
// Kubernetes extensions become plain keywords, descriptions go, and objects with declared
// properties refuse unknown fields (the API server would prune them silently: a typo).
export function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!isRecord(node)) return node;
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === "description" || key.startsWith("x-kubernetes-")) continue;
    out[key] =
      key === "properties" && isRecord(value)
        ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]))
        : toJsonSchema(value);
  }
  if (node["x-kubernetes-int-or-string"] === true) {
    delete out.type;
    if (!Array.isArray(out.anyOf)) out.anyOf = [{ type: "integer" }, { type: "string" }];
  }
  const preserve = node["x-kubernetes-preserve-unknown-fields"] === true;
  if (
    out.type === "object" &&
    isRecord(out.properties) &&
    !preserve &&
    !("additionalProperties" in out)
  ) {
    out.additionalProperties = false;
  }
  return out;
}

const objectMeta: JsonSchema = {
  type: "object",
  required: ["name"],
  properties: {
    name: { type: "string", minLength: 1 },
    namespace: { type: "string" },
    labels: { type: "object", additionalProperties: { type: "string" } },
    annotations: { type: "object", additionalProperties: { type: "string" } },
  },
};

export function schemasFromCrd(file: string, source: string): KeptSchema[] {
  return schemasFromCrdObject(parse(readFileSync(file, "utf8")), file, source);
}

/** The same from a CRD as read (from a file, or from an API server); `file` names it in errors. */
export function schemasFromCrdObject(crd: unknown, file: string, source: string): KeptSchema[] {
  if (!isRecord(crd) || !isRecord(crd.spec)) throw new Error(`${file}: not a CRD`);
  const { group, names, versions } = crd.spec;
  if (typeof group !== "string" || !isRecord(names) || !Array.isArray(versions)) {
    throw new Error(`${file}: CRD without group, names or versions`);
  }
  const kind = String(names.kind);
  return versions
    .filter(isRecord)
    .filter((v) => v.served === true)
    .map((version) => {
      const open = isRecord(version.schema) ? version.schema.openAPIV3Schema : undefined;
      const converted = toJsonSchema(open);
      if (!isRecord(converted) || !isRecord(converted.properties)) {
        throw new Error(`${file}: ${String(version.name)} has no openAPIV3Schema`);
      }
      const apiVersion = `${group}/${String(version.name)}`;
      const schema: JsonSchema = {
        ...converted,
        required: unique(["apiVersion", "kind", "metadata", ...asStrings(converted.required)]),
        properties: {
          ...converted.properties,
          apiVersion: { const: apiVersion },
          kind: { const: kind },
          metadata: objectMeta,
        },
      };
      return { apiVersion, kind, source, schema };
    });
}

function asStrings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

export function keptFileName(kept: Pick<KeptSchema, "apiVersion" | "kind">): string {
  return `${kept.apiVersion.replace("/", "_")}_${kept.kind.toLowerCase()}.json`;
}
