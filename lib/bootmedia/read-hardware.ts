import {
  interfacesForMediaSchema,
  type HardwareForMedia,
} from "@/lib/bootmedia/hardware-for-media";
import { NotFoundError, UnavailableError } from "@/lib/errors";
import { readHardwareDocuments, type HardwareDocuments } from "@/lib/manifests/hardware-documents";
import { folders, hardwareFile } from "@/lib/servers/paths";

/** Reads one file of the GitOps manifests tree, as `TreeSnapshot.read` does. */
export type ManifestReader = { read(path: string): Promise<string | undefined> };

const hardwareFilePattern = new RegExp(`^${folders.hardware}/([^/]+)\\.yaml$`);

/**
 * The server's Hardware from the GitOps tree (desired state), read as the servers domain reads it
 * (a server with a BMC has Rufio's Machine in the same file) and checked for the fields media need.
 */
export async function readHardware(tree: ManifestReader, name: string): Promise<HardwareForMedia> {
  const text = await tree.read(hardwareFile(name));
  if (text === undefined) throw new NotFoundError(`No server named ${name}.`);
  const { hardware } = documentsOf(name, text);
  if (!hardware?.success)
    throw unreadable(name, hardware?.error.issues.map((issue) => issue.path) ?? [[]]);
  const interfaces = interfacesForMediaSchema.safeParse(hardware.data.spec.interfaces ?? []);
  if (!interfaces.success) {
    throw unreadable(
      name,
      interfaces.error.issues.map((issue) => ["spec", "interfaces", ...issue.path]),
    );
  }
  if (hardware.data.metadata.name !== name) {
    throw new UnavailableError(`The Hardware file of ${name} names another server.`);
  }
  return { name, interfaces: interfaces.data };
}

function documentsOf(name: string, text: string): HardwareDocuments {
  try {
    return readHardwareDocuments(text);
  } catch (cause) {
    throw new UnavailableError(`The Hardware file of ${name} is not valid YAML.`, { cause });
  }
}

function unreadable(name: string, paths: PropertyKey[][]): UnavailableError {
  const where = paths.map((path) => path.join(".") || "document").join(", ");
  return new UnavailableError(
    `The Hardware file of ${name} cannot be read for boot media (${where}).`,
  );
}

/** Every Hardware name in the tree, for the server picker. */
export function hardwareNames(files: readonly string[]): string[] {
  return files
    .map((file) => hardwareFilePattern.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && name !== "kustomization")
    .sort();
}
