/** Where the console keeps each kind of file, relative to the manifests path. */
export const folders = {
  hardware: "tinkerbell/hardware",
  workflows: "tinkerbell/workflows",
  templates: "tinkerbell/templates",
  bmcJobs: "tinkerbell/bmc-jobs",
} as const;

/** The folder that lists the console's folders (its resources name them). */
export const tinkerbellFolder = "tinkerbell";

export const hardwareFile = (name: string) => `${folders.hardware}/${name}.yaml`;
export const workflowFile = (name: string, generation: number) =>
  `${folders.workflows}/${name}-${generation}.yaml`;
export const kustomizationOf = (folder: string) => `${folder}/kustomization.yaml`;
export const baseName = (path: string) => path.slice(path.lastIndexOf("/") + 1);
