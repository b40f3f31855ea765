import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { capacityProfiles, controlPlaneConfig, controlPlaneVarsFor } from "./lib/cloud-init";
import { fluxSubstitute } from "./lib/flux-substitute";
import { fluxControllers, helmReleasePods, k3sAddons, workloadPods } from "./lib/planned-pods";
import { type PlannedPod, mebibytes, tolerates } from "./lib/pod-requests";
import { repoRoot } from "./lib/reference";
import { manifestObjects } from "./lib/yaml-files";

/*
 * The scheduler places a pod only where its memory request fits the node's allocatable memory:
 * capacity (MemTotal) minus the kubelet's system-reserved, kube-reserved and hard eviction
 * threshold. Each profile's sum covers everything Flux would run, read from the tree, the
 * pinned Flux controllers' own Deployments and K3s's add-ons, on the control plane as cloud-init
 * configures it for that profile.
 */
const objects = manifestObjects().map(({ object }) => object);
const freeTier = JSON.parse(
  readFileSync(path.join(repoRoot, "infra/free-tier-limits.json"), "utf8"),
) as {
  always_free_shapes: string[];
  limits: { a1_ocpus: number; a1_memory_gb: number };
};

function flagValues(script: string, flag: string): string[] {
  const match = new RegExp(`--${flag}='?([^'\\s]*)'?`).exec(script);
  return match?.[1] ? match[1].split(",").filter((v) => v !== "") : [];
}

function controlPlaneOf(profileName: string) {
  const { file } = controlPlaneConfig(controlPlaneVarsFor(profileName));
  const k3s = parse(file("/etc/rancher/k3s/config.yaml")) as Record<string, unknown>;
  const kubeletArgs = (k3s["kubelet-arg"] as string[] | undefined) ?? [];
  const reservation = (pattern: RegExp): number => {
    const arg = kubeletArgs.map((a) => pattern.exec(a)).find((m) => m !== null);
    if (!arg?.[1]) throw new Error(`kubelet-arg has no ${String(pattern)}`);
    return mebibytes(arg[1]);
  };
  const reserved =
    reservation(/^system-reserved=.*memory=([^,]+)/) +
    reservation(/^kube-reserved=.*memory=([^,]+)/) +
    reservation(/^eviction-hard=.*memory\.available<([^,]+)/);
  const profile = capacityProfiles.profiles[profileName];
  if (!profile) throw new Error(profileName);
  const capacity = profile.memory_gb * capacityProfiles.memory_total_mib_per_gb;
  const taints = (k3s["node-taint"] as string[] | undefined) ?? [];
  const bootstrap = file("/usr/local/sbin/foundry-bootstrap");
  const pods: PlannedPod[] = [
    ...k3sAddons,
    ...fluxControllers(
      flagValues(bootstrap, "components"),
      flagValues(bootstrap, "toleration-keys"),
    ),
    ...helmReleasePods(objects),
    ...workloadPods(objects),
  ];
  const fitsHere = (pod: PlannedPod): boolean =>
    taints.every((taint) => tolerates(pod.tolerations, taint));
  return {
    profile,
    capacity,
    reserved,
    allocatable: capacity - reserved,
    taints,
    pods,
    fitsHere,
    file,
  };
}

const sum = (pods: PlannedPod[]): number => pods.reduce((total, pod) => total + pod.memoryMib, 0);

function table(pods: PlannedPod[]): string {
  return pods
    .map((p) => `  ${p.memoryMib.toFixed(0).padStart(5)} Mi  ${p.name}  (${p.from})`)
    .join("\n");
}

describe.each(Object.keys(capacityProfiles.profiles))("the %s capacity profile", (name) => {
  const node = controlPlaneOf(name);
  const onControlPlane = node.pods.filter(node.fitsHere);

  it("schedules everything it runs on the control plane within allocatable memory", () => {
    const requested = sum(onControlPlane);
    console.log(
      `${name}: ${node.profile.shape} ${node.profile.memory_gb} GB, capacity ${node.capacity} Mi - reserved ${node.reserved} Mi = allocatable ${node.allocatable} Mi; requested ${requested.toFixed(0)} Mi\n${table(onControlPlane)}`,
    );
    expect(requested).toBeLessThanOrEqual(node.allocatable);
  });

  it("runs Flux, the network and the Gateway's controller on the control plane, and everything pinned there", () => {
    const here = new Set(onControlPlane.map((p) => p.name));
    for (const pod of [
      "cilium-agent",
      "cilium-envoy",
      "cilium-operator",
      "source-controller",
      "kustomize-controller",
      "helm-controller",
    ])
      expect(here, pod).toContain(pod);
    expect(
      node.pods.filter((p) => p.controlPlaneOnly && !node.fitsHere(p)).map((p) => p.name),
    ).toEqual([]);
  });

  it("is an Always Free shape, within the A1 allowance, for the architecture the docs name", () => {
    expect(freeTier.always_free_shapes).toContain(node.profile.shape);
    if (node.profile.shape === "VM.Standard.A1.Flex") {
      expect(node.profile.arch).toBe("arm64");
      expect(node.profile.ocpus).toBeLessThanOrEqual(freeTier.limits.a1_ocpus);
      expect(node.profile.memory_gb).toBeLessThanOrEqual(freeTier.limits.a1_memory_gb);
    }
  });

  it("points Flux at a tree that exists, with the notification objects only where the controller runs", () => {
    const settings = Object.fromEntries(
      node
        .file("/etc/foundry/platform.env")
        .split("\n")
        .filter((line) => line.includes("="))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    const sync = fluxSubstitute(
      readFileSync(path.join(repoRoot, "manifests/clusters/foundry/sync.yaml"), "utf8"),
      settings,
    );
    const clusterPath = /path: (\S+)/.exec(sync)?.[1] ?? "";
    expect(clusterPath).toBe(node.profile.cluster_path);
    const kustomization = path.join(repoRoot, clusterPath, "kustomization.yaml");
    expect(existsSync(kustomization)).toBe(true);
    const deletes = readFileSync(kustomization, "utf8").includes("kind: Receiver");
    expect(deletes).toBe(!node.profile.flux_components.includes("notification-controller"));
  });
});

describe("why the micro profile keeps the rest off its node", () => {
  it("the whole platform on the 1 GB control plane asks for more than it has", () => {
    const micro = controlPlaneOf("micro");
    const everything = sum(controlPlaneOf("a1").pods);
    console.log(
      `everything: ${everything.toFixed(0)} Mi requested; the micro has ${micro.allocatable} Mi`,
    );
    expect(everything).toBeGreaterThan(micro.allocatable);
  });

  it("says what a user of the micro profile loses", () => {
    expect(capacityProfiles.profiles.micro?.loses.length).toBeGreaterThan(0);
    expect(capacityProfiles.profiles.a1?.loses).toEqual([]);
  });
});
