import { beforeAll, describe, expect, it } from "vitest";
import { renderLayer } from "./lib/flux-build";
import { at } from "./lib/helm-values";
import { platformSettings } from "./lib/platform-env";
import { manifestObjects } from "./lib/yaml-files";
import { tool } from "./lib/tools";
import type { K8sObject } from "./lib/yaml-files";

/*
 * OCI's instance metadata keeps the user-data, with the GitHub read token and K3s's agent token,
 * for the instance's life. No Cilium runs here: the policy is read as infra-configs renders it,
 * against Cilium v1.18.2's rule semantics (pkg/policy/api/rule.go): a policy with egress rules
 * puts what it selects into default deny unless enableDefaultDeny says otherwise.
 */
let policy: K8sObject | undefined;
beforeAll(() => {
  const rendered = renderLayer(tool("kustomize"), "infra-configs", platformSettings());
  expect(rendered.problems).toEqual([]);
  policy = rendered.objects.find(
    (o) =>
      o.kind === "CiliumClusterwideNetworkPolicy" && o.metadata.name === "deny-instance-metadata",
  );
}, 300_000);

describe("the instance metadata address", () => {
  it("is refused to every pod outside the console's and the backup's namespaces", () => {
    expect(at(policy?.spec, "egressDeny")).toEqual([{ toCIDR: ["169.254.169.254/32"] }]);
    expect(at(policy?.spec, "endpointSelector")).toEqual({
      matchExpressions: [
        {
          key: "k8s:io.kubernetes.pod.namespace",
          operator: "NotIn",
          values: ["foundry", "foundry-backup"],
        },
      ],
    });
  });

  it("leaves every other traffic of those pods alone (no default deny)", () => {
    expect(at(policy?.spec, "enableDefaultDeny")).toEqual({ ingress: false, egress: false });
    expect(at(policy?.spec, "egress")).toBeUndefined();
    expect(at(policy?.spec, "ingress")).toBeUndefined();
  });

  it("is still open to the console and the backup, whose own policies allow it", () => {
    for (const namespace of ["foundry", "foundry-backup"]) {
      const own = manifestObjects()
        .map(({ object }) => object)
        .filter((o) => o.kind === "CiliumNetworkPolicy" && o.metadata.namespace === namespace);
      expect(JSON.stringify(own), namespace).toContain("169.254.169.254/32");
    }
  });
});
