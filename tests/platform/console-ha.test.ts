import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments, stringify } from "yaml";
import { fluxKustomizations, renderLayer } from "./lib/flux-build";
import { walkTree } from "./lib/kustomize-tree";
import { platformSettings } from "./lib/platform-env";
import { repoRoot } from "./lib/reference";
import { tool } from "./lib/tools";
import { validateManifests } from "./lib/validate-manifests";
import { yamlFiles, type K8sObject } from "./lib/yaml-files";

/*
 * The two-replica console a fork opts into: manifests/apps/kustomization.yaml with
 * `foundry-console-ha` in place of `foundry-console`, built by the pinned kustomize and
 * substituted as kustomize-controller applies the `apps` layer.
 */
interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: { secretKeyRef?: { name?: string; key?: string; optional?: boolean } };
}
interface Container {
  name: string;
  env?: EnvVar[];
  volumeMounts?: { name: string; mountPath: string }[];
}
interface Volume {
  name: string;
  persistentVolumeClaim?: { claimName?: string };
  emptyDir?: { sizeLimit?: string };
}
interface AffinityTerm {
  weight?: number;
  podAffinityTerm?: {
    topologyKey?: string;
    labelSelector?: { matchLabels?: Record<string, string> };
  };
}
interface PodSpec {
  containers?: Container[];
  initContainers?: Container[];
  volumes?: Volume[];
  affinity?: {
    podAntiAffinity?: {
      preferredDuringSchedulingIgnoredDuringExecution?: AffinityTerm[];
      requiredDuringSchedulingIgnoredDuringExecution?: unknown[];
    };
  };
}
interface DeploymentSpec {
  replicas?: number;
  strategy?: unknown;
  selector?: { matchLabels?: Record<string, string> };
  template?: { metadata?: { labels?: Record<string, string> }; spec?: PodSpec };
}

const appsDir = path.join(repoRoot, "manifests/apps");
const overlay = "manifests/apps/foundry-console-ha";
const work = mkdtempSync(path.join(tmpdir(), "foundry-console-ha-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const key = (o: K8sObject): string =>
  `${o.kind}/${o.metadata.namespace ?? ""}/${o.metadata.name ?? ""}`;
const one = (objects: K8sObject[], kind: string, name: string): K8sObject => {
  const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
  if (!found) throw new Error(`no ${kind} ${name}`);
  return found;
};
const deploymentSpec = (objects: K8sObject[]): DeploymentSpec =>
  one(objects, "Deployment", "foundry-console").spec as DeploymentSpec;
const podOf = (objects: K8sObject[]): PodSpec => deploymentSpec(objects).template?.spec ?? {};
const consoleContainer = (objects: K8sObject[]): Container => {
  const container = podOf(objects).containers?.find((c) => c.name === "console");
  if (!container) throw new Error("no console container");
  return container;
};

type Labels = Record<string, string>;

function podSpecs(objects: K8sObject[]): { where: string; pod: PodSpec; labels: Labels }[] {
  return objects.flatMap((o) => {
    type Template = { metadata?: { labels?: Labels }; spec?: PodSpec };
    const spec = (o.spec ?? {}) as {
      template?: Template;
      jobTemplate?: { spec?: { template?: Template } };
    };
    const template = o.kind === "CronJob" ? spec.jobTemplate?.spec?.template : spec.template;
    return template?.spec
      ? [{ where: key(o), pod: template.spec, labels: template.metadata?.labels ?? {} }]
      : [];
  });
}

let kustomize = "";
let base: K8sObject[] = [];
let ha: K8sObject[] = [];
// The fork's `apps` layer after the one-line switch, as Flux applies it.
let applied: K8sObject[] = [];
let problems: string[] = [];
let settings: Record<string, string> = {};

const build = (dir: string): K8sObject[] => {
  const built = spawnSync(kustomize, ["build", path.join(repoRoot, dir)], { encoding: "utf8" });
  expect(built.stderr).toBe("");
  return parseAllDocuments(built.stdout).map((d) => d.toJS() as K8sObject);
};

beforeAll(() => {
  kustomize = tool("kustomize");
  base = build("manifests/apps/foundry-console");
  ha = build(overlay);
  const source = readFileSync(path.join(appsDir, "kustomization.yaml"), "utf8");
  const switched = source.replace(/^ {2}- foundry-console$/m, "  - foundry-console-ha");
  const changed = source.split("\n").filter((line, i) => line !== switched.split("\n")[i]);
  expect(changed).toEqual(["  - foundry-console"]);
  const doc = parse(switched) as { resources: string[] };
  const resources = doc.resources.map((r) => path.relative(work, path.join(appsDir, r)));
  writeFileSync(path.join(work, "kustomization.yaml"), stringify({ ...doc, resources }));
  const apps = fluxKustomizations().find((k) => k.name === "apps");
  if (!apps) throw new Error("no Flux Kustomization apps");
  settings = platformSettings();
  const report = validateManifests({
    kustomize,
    settings,
    kustomizations: [{ ...apps, path: work }],
  });
  applied = report.objects.map(({ object }) => object);
  problems = report.problems;
}, 300_000);

describe("the two-replica console overlay", () => {
  it("is a folder of the tree whose every file its build reaches", () => {
    const report = walkTree(overlay);
    expect(report.problems).toEqual([]);
    const files = yamlFiles(overlay).map((f) => path.relative(repoRoot, f));
    expect(files.filter((f) => !report.reached.has(f))).toEqual([]);
  });

  it("builds, substitutes and validates as the fork's apps layer without a problem", () => {
    expect(problems).toEqual([]);
    expect(applied.some((o) => o.kind === "CronJob" && o.metadata.name === "foundry-backup")).toBe(
      true,
    );
  });

  it("runs two replicas, rolling one new pod in before an old one goes", () => {
    const spec = deploymentSpec(applied);
    expect(spec.replicas).toBe(2);
    // Exactly this: no field of Recreate's left beside it.
    expect(spec.strategy).toEqual({
      type: "RollingUpdate",
      rollingUpdate: { maxUnavailable: 0, maxSurge: 1 },
    });
  });

  it("reads DATABASE_URL from the operator's Secret, and holds no database URL itself", () => {
    const urls = (consoleContainer(applied).env ?? []).filter((e) => e.name === "DATABASE_URL");
    expect(urls).toEqual([
      {
        name: "DATABASE_URL",
        valueFrom: { secretKeyRef: { name: "foundry-console-database", key: "url" } },
      },
    ]);
    expect(applied.filter((o) => o.kind === "Secret" || o.kind === "SealedSecret")).toEqual([]);
    const text = JSON.stringify(applied);
    expect(text).not.toMatch(/postgres(ql)?:\/\//i);
    expect(text).not.toMatch(/"file:/);
  });

  it("has no PersistentVolumeClaim and no volume that claims one", () => {
    expect(applied.filter((o) => o.kind === "PersistentVolumeClaim")).toEqual([]);
    for (const { where, pod } of podSpecs(applied)) {
      const claims = (pod.volumes ?? []).filter((v) => v.persistentVolumeClaim !== undefined);
      expect(claims, where).toEqual([]);
      const names = new Set((pod.volumes ?? []).map((v) => v.name));
      for (const c of [...(pod.containers ?? []), ...(pod.initContainers ?? [])])
        for (const m of c.volumeMounts ?? []) expect(names, `${where} ${m.name}`).toContain(m.name);
    }
  });

  it("keeps the data dir writable on an emptyDir, beside a Git remote that is Flux's own", () => {
    const container = consoleContainer(applied);
    const dataDir = container.env?.find((e) => e.name === "FOUNDRY_DATA_DIR")?.value;
    const mount = container.volumeMounts?.find((m) => m.mountPath === dataDir);
    const volume = podOf(applied).volumes?.find((v) => v.name === mount?.name);
    expect(volume).toEqual({ name: "data", emptyDir: { sizeLimit: "1Gi" } });
    // The embedded repository would live in that emptyDir: one per pod, gone with it.
    const platform = one(applied, "ConfigMap", "foundry-platform").data as Record<string, string>;
    const flux = one(
      renderLayer(kustomize, "foundry", settings).objects,
      "GitRepository",
      "foundry",
    );
    expect(platform.FOUNDRY_GIT_URL).toBe((flux.spec as { url?: string }).url);
    expect(platform.FOUNDRY_GIT_URL).toMatch(/^https:\/\//);
    expect(container.env?.map((e) => e.name)).not.toContain("FOUNDRY_GIT_URL");
  });

  it("has a policy/v1 PodDisruptionBudget keeping one of exactly the console's pods", () => {
    const pdb = one(applied, "PodDisruptionBudget", "foundry-console");
    const spec = pdb.spec as { minAvailable?: number; selector?: unknown };
    const deployment = one(applied, "Deployment", "foundry-console");
    expect(pdb.apiVersion).toBe("policy/v1");
    expect(pdb.metadata.namespace).toBe(deployment.metadata.namespace);
    expect(spec.minAvailable).toBe(1);
    const labels = deploymentSpec(applied).template?.metadata?.labels;
    expect(spec.selector).toEqual({ matchLabels: labels });
    expect(spec.selector).toEqual(deploymentSpec(applied).selector);
    const selected = podSpecs(
      applied.filter((o) => o.metadata.namespace === pdb.metadata.namespace),
    )
      .filter(({ labels: l }) => Object.entries(labels ?? {}).every(([k, v]) => l[k] === v))
      .map(({ where }) => where);
    expect(selected).toEqual([key(deployment)]);
  });

  it("prefers two nodes, but still schedules both on one", () => {
    const anti = podOf(applied).affinity?.podAntiAffinity;
    expect(anti?.requiredDuringSchedulingIgnoredDuringExecution).toBeUndefined();
    expect(anti?.preferredDuringSchedulingIgnoredDuringExecution).toEqual([
      {
        weight: 100,
        podAffinityTerm: {
          topologyKey: "kubernetes.io/hostname",
          labelSelector: { matchLabels: deploymentSpec(applied).template?.metadata?.labels },
        },
      },
    ]);
  });

  it("lets the console reach PostgreSQL's port and nothing more", () => {
    const policy = one(ha, "CiliumNetworkPolicy", "foundry-console-database");
    const spec = policy.spec as {
      endpointSelector?: unknown;
      ingress?: unknown;
      egress?: { toPorts?: unknown }[];
    };
    expect(spec.endpointSelector).toEqual({
      matchLabels: deploymentSpec(ha).template?.metadata?.labels,
    });
    expect(spec.ingress).toBeUndefined();
    expect(spec.egress?.length).toBeGreaterThan(0);
    for (const rule of spec.egress ?? [])
      expect(rule.toPorts).toEqual([{ ports: [{ port: "5432", protocol: "TCP" }] }]);
  });

  it("changes nothing else of the base: policies, RBAC, service account, security contexts", () => {
    const changed = ["Deployment/foundry/foundry-console", "ConfigMap/foundry/foundry-platform"];
    const rest = (objects: K8sObject[]) =>
      new Map(objects.filter((o) => !changed.includes(key(o))).map((o) => [key(o), o]));
    const baseRest = rest(base);
    baseRest.delete("PersistentVolumeClaim/foundry/foundry-data");
    const haRest = rest(ha);
    for (const [k, o] of baseRest) expect(haRest.get(k), k).toEqual(o);
    expect([...haRest.keys()].filter((k) => !baseRest.has(k)).sort()).toEqual([
      "CiliumNetworkPolicy/foundry/foundry-console-database",
      "PodDisruptionBudget/foundry/foundry-console",
    ]);

    const platform = (objects: K8sObject[]) =>
      one(objects, "ConfigMap", "foundry-platform").data as Record<string, string>;
    expect(platform(ha)).toEqual(platform(base));

    // The Deployment, less what the overlay sets, is the base's.
    const strip = (objects: K8sObject[]) => {
      const d = structuredClone(one(objects, "Deployment", "foundry-console"));
      const spec = d.spec as DeploymentSpec;
      const { replicas: _r, strategy: _s, ...kept } = spec;
      const pod = spec.template?.spec ?? {};
      const { affinity: _a, ...podKept } = pod;
      podKept.volumes = pod.volumes?.filter((v) => v.name !== "data");
      podKept.containers = pod.containers?.map((c) => ({
        ...c,
        env: c.env?.filter((e) => e.name !== "DATABASE_URL"),
      }));
      return { ...d, spec: { ...kept, template: { ...spec.template, spec: podKept } } };
    };
    expect(strip(ha)).toEqual(strip(base));
  });
});

describe("the default tree, without the overlay", () => {
  it("is still one replica, Recreate, on the SQLite volume", () => {
    for (const objects of [base, renderLayer(kustomize, "apps", settings).objects]) {
      const spec = deploymentSpec(objects);
      expect(spec.replicas).toBe(1);
      expect(spec.strategy).toEqual({ type: "Recreate" });
      expect(one(objects, "PersistentVolumeClaim", "foundry-data").kind).toBe(
        "PersistentVolumeClaim",
      );
      expect(podOf(objects).volumes?.find((v) => v.name === "data")).toEqual({
        name: "data",
        persistentVolumeClaim: { claimName: "foundry-data" },
      });
      expect(objects.filter((o) => o.kind === "PodDisruptionBudget")).toEqual([]);
      expect(consoleContainer(objects).env?.map((e) => e.name)).not.toContain("DATABASE_URL");
    }
  });
});
