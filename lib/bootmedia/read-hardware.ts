import { parseAllDocuments } from "yaml";
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
  // A server with a BMC has two documents in its file: the Hardware and Rufio's Machine.
  const documents = parseAllDocuments(text);
  const all = Array.isArray(documents) ? documents : [documents];
  const broken = all.find((doc) => doc.errors.length > 0);
  if (broken) {
    throw new UnavailableError(`The Hardware file of ${name} is not valid YAML.`, { cause: broken.errors[0] });
  }
  const document: unknown = all.map((doc) => doc.toJS() as unknown).find(isHardwareDocument);
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

function isHardwareDocument(value: unknown): boolean {
  return typeof value === "object" && value !== null && (value as { kind?: unknown }).kind === "Hardware";
}

/** Every Hardware name in the tree, for the server picker. */
export function hardwareNames(files: readonly string[]): string[] {
  return files
    .map((file) => hardwareFilePattern.exec(file)?.[1])
    .filter((name): name is string => name !== undefined && name !== "kustomization")
    .sort();
}
