import { beforeAll, describe, expect, it } from "vitest";
import {
  parseReferenceRules,
  referenceAllowed,
  type ReferenceEvent,
} from "@/e2e/real-stack/hardware-references";
import { claimSecretName } from "@/lib/manifests/build-hardware";
import { renderLayer } from "./lib/flux-build";
import { platformSettings } from "./lib/platform-env";
import { tool } from "./lib/tools";
import type { K8sObject } from "./lib/yaml-files";

/*
 * The two permissions the install's claim secret rests on (docs/servers/first-boot-credentials.md),
 * as Flux would apply them: the console may write claim Secrets but read no Secret anywhere, and
 * Tinkerbell's Tink controller may render exactly those Secrets into templates (v0.21.0 denies
 * every Hardware reference no allow rule admits).
 */
let apps: K8sObject[] = [];
let controllers: K8sObject[] = [];
beforeAll(() => {
  const kustomize = tool("kustomize");
  const settings = platformSettings();
  const rendered = [
    renderLayer(kustomize, "apps", settings),
    renderLayer(kustomize, "infra-controllers", settings),
  ];
  for (const { problems } of rendered) expect(problems).toEqual([]);
  [apps, controllers] = rendered.map((r) => r.objects) as [K8sObject[], K8sObject[]];
}, 300_000);

type Rule = { apiGroups?: string[]; resources?: string[]; verbs?: string[] };
type Binding = K8sObject & {
  roleRef: { kind: string; name: string };
  subjects?: { kind: string; name: string; namespace?: string }[];
};

function consoleSecretRules(): { namespace: string; verbs: string[] }[] {
  const bindings = apps.filter(
    (o): o is Binding =>
      (o.kind === "RoleBinding" || o.kind === "ClusterRoleBinding") &&
      ((o as Binding).subjects ?? []).some(
        (s) =>
          s.kind === "ServiceAccount" && s.name === "foundry-console" && s.namespace === "foundry",
      ),
  );
  return bindings.flatMap((binding) => {
    const role = apps.find(
      (o) =>
        o.kind === binding.roleRef.kind &&
        o.metadata.name === binding.roleRef.name &&
        (o.kind === "ClusterRole" || o.metadata.namespace === binding.metadata.namespace),
    ) as (K8sObject & { rules?: Rule[] }) | undefined;
    return (role?.rules ?? [])
      .filter(
        (rule) =>
          (rule.apiGroups ?? []).some((g) => g === "" || g === "*") &&
          (rule.resources ?? []).some((r) => r === "secrets" || r === "*"),
      )
      .map((rule) => ({
        namespace: binding.kind === "ClusterRoleBinding" ? "*" : (binding.metadata.namespace ?? ""),
        verbs: rule.verbs ?? [],
      }));
  });
}

describe("the install's claim secret", () => {
  it("is written by the console, which can read, list or watch no Secret anywhere", () => {
    const rules = consoleSecretRules();
    for (const rule of rules) {
      expect(rule.verbs, `secrets in ${rule.namespace}`).not.toContain("get");
      expect(rule.verbs).not.toContain("list");
      expect(rule.verbs).not.toContain("watch");
      expect(rule.verbs).not.toContain("*");
    }
    expect(rules.find((rule) => rule.namespace === "tinkerbell")?.verbs.sort()).toEqual([
      "create",
      "delete",
      "update",
    ]);
  });

  it("is the only reference Tinkerbell renders into templates", () => {
    const release = controllers.find(
      (o) => o.kind === "HelmRelease" && o.metadata.name === "tinkerbell",
    ) as
      | (K8sObject & {
          spec?: {
            values?: { deployment?: { additionalEnvs?: { name: string; value: string }[] } };
          };
        })
      | undefined;
    const value = release?.spec?.values?.deployment?.additionalEnvs?.find(
      (env) => env.name === "TINKERBELL_TINK_CONTROLLER_REFERENCE_ALLOW_LIST_RULES",
    )?.value;
    const rules = parseReferenceRules(value ?? "");
    const event = (
      reference: Partial<ReferenceEvent["reference"]>,
      hardwareNamespace = "tinkerbell",
    ): ReferenceEvent => ({
      source: { name: "rack1-node3", namespace: hardwareNamespace },
      reference: {
        group: "",
        version: "v1",
        resource: "secrets",
        namespace: "tinkerbell",
        name: claimSecretName("rack1-node3"),
        ...reference,
      },
    });
    expect(referenceAllowed(rules, event({}))).toBe(true);
    // A BMC's credentials sit in the same namespace: a Hardware must not render them.
    expect(referenceAllowed(rules, event({ name: "rack1-node3-bmc" }))).toBe(false);
    expect(referenceAllowed(rules, event({ namespace: "kube-system" }))).toBe(false);
    expect(referenceAllowed(rules, event({ resource: "configmaps" }))).toBe(false);
    expect(referenceAllowed(rules, event({}, "default"))).toBe(false);
  });
});
