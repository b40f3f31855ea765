import { parse } from "yaml";
import { hardwareSchema, type HardwareForMedia } from "@/lib/bootmedia/hardware-schema";
import { NotFoundError, UnavailableError } from "@/lib/errors";
import { folders, hardwareFile } from "@/lib/servers/paths";

/** Reads one file of the GitOps manifests tree, as `TreeSnapshot.read` does. */
export type ManifestReader = { read(path: string): Promise<string | undefined> };

const hardwareFilePattern = new RegExp(`^${folders.hardware}/([^/]+)\\.yaml$`);

/** The server's Hardware from the GitOps tree (desired state), checked for the fields media need. */
export async function readHardware(tree: ManifestReader, name: string): Promise<HardwareForMedia> {
  const text = await tree.read(hardwareFile(name));
  if (text === undefined) throw new NotFoundError(`No server named ${name}.`);
  let document: unknown;
  try {
    document = parse(text);
  } catch (error) {
    throw new UnavailableError(`The Hardware file of ${name} is not valid YAML.`, { cause: error });
  }
  const parsed = hardwareSchema.safeParse(document);
  if (!parsed.success) {
    const where = parsed.error.issues.map((issue) => issue.path.join(".") || "document").join(", ");
    throw new UnavailableError(`The Hardware file of ${name} cannot be read for boot media (${where}).`);
  }
  if (parsed.data.metadata.name !== name) {
    throw new UnavailableError(`The Hardware file of ${name} names another server.`);
  }
  return parsed.data;
}

/** Every Hardware name in the tree, for the server picker. */
export function hardwareNames(files: readonly string[]): string[] {
  return files
    .map((file) => hardwareFilePattern.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && name !== "kustomization")
    .sort();
}
