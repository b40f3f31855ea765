/** Every kind the console watches: where it lives in the API and what people call it. */
export type KindInfo = {
  group: string;
  version: string;
  plural: string;
  kind: string;
  /** Shown in panels, e.g. "Tinkerbell Hardware". */
  title: string;
  /** The CRD's name; absent for built-in kinds. */
  crd?: string;
};

export const kindInfo = {
  nodes: { group: "", version: "v1", plural: "nodes", kind: "Node", title: "Nodes" },
  hardware: {
    group: "tinkerbell.org",
    version: "v1alpha1",
    plural: "hardware",
    kind: "Hardware",
    title: "Tinkerbell Hardware",
    crd: "hardware.tinkerbell.org",
  },
  templates: {
    group: "tinkerbell.org",
    version: "v1alpha1",
    plural: "templates",
    kind: "Template",
    title: "Tinkerbell Templates",
    crd: "templates.tinkerbell.org",
  },
  workflows: {
    group: "tinkerbell.org",
    version: "v1alpha1",
    plural: "workflows",
    kind: "Workflow",
    title: "Tinkerbell Workflows",
    crd: "workflows.tinkerbell.org",
  },
  machines: {
    group: "bmc.tinkerbell.org",
    version: "v1alpha1",
    plural: "machines",
    kind: "Machine",
    title: "Rufio Machines",
    crd: "machines.bmc.tinkerbell.org",
  },
  bmcjobs: {
    group: "bmc.tinkerbell.org",
    version: "v1alpha1",
    plural: "jobs",
    kind: "Job",
    title: "Rufio Jobs",
    crd: "jobs.bmc.tinkerbell.org",
  },
  gitrepositories: {
    group: "source.toolkit.fluxcd.io",
    version: "v1",
    plural: "gitrepositories",
    kind: "GitRepository",
    title: "Flux GitRepositories",
    crd: "gitrepositories.source.toolkit.fluxcd.io",
  },
  ocirepositories: {
    group: "source.toolkit.fluxcd.io",
    version: "v1",
    plural: "ocirepositories",
    kind: "OCIRepository",
    title: "Flux OCIRepositories",
    crd: "ocirepositories.source.toolkit.fluxcd.io",
  },
  helmrepositories: {
    group: "source.toolkit.fluxcd.io",
    version: "v1",
    plural: "helmrepositories",
    kind: "HelmRepository",
    title: "Flux HelmRepositories",
    crd: "helmrepositories.source.toolkit.fluxcd.io",
  },
  kustomizations: {
    group: "kustomize.toolkit.fluxcd.io",
    version: "v1",
    plural: "kustomizations",
    kind: "Kustomization",
    title: "Flux Kustomizations",
    crd: "kustomizations.kustomize.toolkit.fluxcd.io",
  },
  helmreleases: {
    group: "helm.toolkit.fluxcd.io",
    version: "v2",
    plural: "helmreleases",
    kind: "HelmRelease",
    title: "Flux HelmReleases",
    crd: "helmreleases.helm.toolkit.fluxcd.io",
  },
} as const satisfies Record<string, KindInfo>;

export type KindKey = keyof typeof kindInfo;
export const fluxKindKeys = [
  "gitrepositories",
  "ocirepositories",
  "helmrepositories",
  "kustomizations",
  "helmreleases",
] as const satisfies readonly KindKey[];
export const kindKeys = [
  "nodes",
  "hardware",
  "templates",
  "workflows",
  "machines",
  "bmcjobs",
  ...fluxKindKeys,
] as const satisfies readonly KindKey[];
export type FluxKindKey = (typeof fluxKindKeys)[number];

/** The API path that lists (and watches) a kind across all namespaces. */
export function clusterPath(info: KindInfo): string {
  return info.group === ""
    ? `/api/${info.version}/${info.plural}`
    : `/apis/${info.group}/${info.version}/${info.plural}`;
}
