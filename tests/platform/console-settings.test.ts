import { beforeAll, describe, expect, it } from "vitest";
import { parseEnv, settingNames } from "@/lib/settings/env-schema";
import { fluxKustomizations, renderLayer } from "./lib/flux-build";
import { platformSettings } from "./lib/platform-env";
import { tool } from "./lib/tools";
import { validateManifests } from "./lib/validate-manifests";
import type { K8sObject } from "./lib/yaml-files";

/*
 * The settings the single console gets in the cluster, as kustomize-controller applies the fork's
 * `apps` layer with the platform settings cloud-init writes.
 */
interface Container {
  name: string;
  env?: { name: string; value?: string }[];
}

let applied: K8sObject[] = [];
let gitRepositoryUrl: string | undefined;

const one = (kind: string, name: string): K8sObject => {
  const found = applied.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};

beforeAll(() => {
  const kustomize = tool("kustomize");
  const settings = platformSettings();
  const apps = fluxKustomizations().find((k) => k.name === "apps");
  if (!apps) throw new Error("no Flux Kustomization apps");
  const report = validateManifests({ kustomize, settings, kustomizations: [apps] });
  expect(report.problems).toEqual([]);
  applied = report.objects.map(({ object }) => object);
  const flux = renderLayer(kustomize, "foundry", settings).objects.find(
    (o) => o.kind === "GitRepository" && o.metadata.name === "foundry",
  );
  gitRepositoryUrl = (flux?.spec as { url?: string } | undefined)?.url;
}, 300_000);

const consoleContainer = (): Container => {
  const deployment = one("Deployment", "foundry-console");
  const pod = (deployment.spec as { template?: { spec?: { containers?: Container[] } } }).template
    ?.spec;
  const container = pod?.containers?.find((c) => c.name === "console");
  if (!container) throw new Error("no console container");
  return container;
};

// What README.md ("The platform on Oracle Cloud") tells a person to put in foundry/foundry-console.
const secretFromReadme = {
  FOUNDRY_GIT_TOKEN: "github_pat_example",
  GITHUB_CLIENT_ID: "Iv1.example",
  GITHUB_CLIENT_SECRET: "example-client-secret",
  AUTH_SECRET: "a".repeat(64),
  FOUNDRY_ADMINS: "octo",
};

describe("the console's settings in the cluster", () => {
  it("start the console as envFrom gives them, beside the Secret the README shows", () => {
    const platform = one("ConfigMap", "foundry-platform").data as Record<string, string>;
    const own = Object.fromEntries(
      (consoleContainer().env ?? []).map((e) => [e.name, e.value ?? ""]),
    );
    // envFrom first, then the Secret, then the container's own env, as the kubelet merges them.
    const env = parseEnv({ ...platform, ...secretFromReadme, ...own }, "/app");
    expect(env.git.embedded).toBe(false);
    expect(env.git.url).toBe(gitRepositoryUrl);
    expect(env.git.token).toBe("github_pat_example");
    expect(env.auth.url).toBe("https://foundry.example.org");
    expect(env.hostname).toBe("0.0.0.0");
    // The Cloud page signs in as the control plane, in the compartment Terraform made it in.
    expect(env.oci.auth).toEqual({ kind: "instance-principal" });
    expect(env.oci.compartmentId).toBe("ocid1.compartment.oc1..aaaaexample");
  });

  it("start on a cluster bootstrapped before the compartment setting, in the tenancy", () => {
    const { OCI_COMPARTMENT_ID: _added, ...older } = platformSettings();
    const apps = fluxKustomizations().find((k) => k.name === "apps");
    if (!apps) throw new Error("no Flux Kustomization apps");
    const report = validateManifests({
      kustomize: tool("kustomize"),
      settings: older,
      kustomizations: [apps],
    });
    expect(report.problems).toEqual([]);
    const platform = report.objects
      .map(({ object }) => object)
      .find((o) => o.kind === "ConfigMap" && o.metadata.name === "foundry-platform")?.data as
      Record<string, string> | undefined;
    expect(platform?.OCI_COMPARTMENT_ID).toBe("");
    const env = parseEnv({ ...platform, ...secretFromReadme }, "/app");
    expect(env.oci.compartmentId).toBeUndefined();
  });

  it("commits to the repository Flux reads, not to an embedded one in its data dir", () => {
    const platform = one("ConfigMap", "foundry-platform").data as Record<string, string>;
    expect(gitRepositoryUrl).toBe("https://github.com/octo/metal-foundry.git");
    expect(platform.FOUNDRY_GIT_URL).toBe(gitRepositoryUrl);
    expect(platform.FOUNDRY_GIT_BRANCH).toBe("main");
  });

  it("gives the console only settings it reads", () => {
    const platform = one("ConfigMap", "foundry-platform").data as Record<string, string>;
    const container = consoleContainer();
    // Node's own, read by the runtime rather than the console's settings.
    const runtime = new Set(["NODE_ENV", "NODE_OPTIONS"]);
    const given = [
      ...Object.keys(platform),
      ...(container.env ?? []).map((e) => e.name).filter((name) => !runtime.has(name)),
    ];
    expect(given.length).toBeGreaterThan(5);
    expect(given.filter((name) => !settingNames.includes(name))).toEqual([]);
  });
});
