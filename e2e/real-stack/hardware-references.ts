import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import type { KubeRest } from "./kube-rest";

/*
 * Part of the Tinkerbell STAND-IN: Hardware references as the Tink controller of v0.21.0 resolves
 * them for a template (docs/technical/REFERENCES.md at that tag): each reference is read from the
 * API server only when an allow rule matches, every access denied otherwise. The rules are the
 * ones the platform gives its Tink controller (manifests/…/tinkerbell/release.yaml); of Quamina's
 * pattern language the rules use exact values and `prefix`, and only those are matched here.
 */
export type Reference = {
  group?: string;
  version?: string;
  resource?: string;
  namespace?: string;
  name?: string;
};
type Pattern = string | { prefix: string };
export type ReferenceRule = Record<string, Record<string, Pattern[]>>;
type Rule = ReferenceRule;
export type ReferenceEvent = {
  source: { name: string; namespace: string };
  reference: Required<Reference>;
};

const releaseFile = "manifests/infrastructure/controllers/tinkerbell/release.yaml";
const rulesEnv = "TINKERBELL_TINK_CONTROLLER_REFERENCE_ALLOW_LIST_RULES";

/** Rules as the flag takes them: JSON objects separated by `|`. */
export function parseReferenceRules(value: string): ReferenceRule[] {
  return value.split("|").map((rule) => JSON.parse(rule) as ReferenceRule);
}

function platformRules(): Rule[] {
  const release = parse(readFileSync(path.resolve(releaseFile), "utf8")) as {
    spec?: { values?: { deployment?: { additionalEnvs?: { name: string; value: string }[] } } };
  };
  const value = release.spec?.values?.deployment?.additionalEnvs?.find(
    (entry) => entry.name === rulesEnv,
  )?.value;
  return value ? parseReferenceRules(value) : [];
}

const matches = (patterns: Pattern[], value: string) =>
  patterns.some((pattern) =>
    typeof pattern === "string" ? pattern === value : value.startsWith(pattern.prefix),
  );

/** Whether any rule admits the event (a rule's patterns all match); no rule, no access. */
export function referenceAllowed(rules: ReferenceRule[], event: ReferenceEvent): boolean {
  const fields: Record<string, Record<string, string>> = event;
  return rules.some((rule) =>
    Object.entries(rule).every(([part, patterns]) =>
      Object.entries(patterns).every(([field, values]) =>
        matches(values, fields[part]?.[field] ?? ""),
      ),
    ),
  );
}

/** The referenced objects a template sees as `.references`; a denied or missing one is absent. */
export async function resolveReferences(
  api: KubeRest,
  source: { name: string; namespace: string },
  references: Record<string, Reference>,
): Promise<Record<string, unknown>> {
  const rules = platformRules();
  const resolved: Record<string, unknown> = {};
  for (const [key, reference] of Object.entries(references)) {
    const event: ReferenceEvent = {
      source,
      reference: {
        group: reference.group ?? "",
        version: reference.version ?? "",
        resource: reference.resource ?? "",
        namespace: reference.namespace ?? "",
        name: reference.name ?? "",
      },
    };
    if (!referenceAllowed(rules, event)) continue;
    const { group, version, resource, namespace, name } = event.reference;
    const base = group ? `/apis/${group}/${version}` : `/api/${version}`;
    const found = await api.get(`${base}/namespaces/${namespace}/${resource}/${name}`);
    if (found !== undefined) resolved[key] = found;
  }
  return resolved;
}
