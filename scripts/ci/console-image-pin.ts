// Pins the console's image tag in Git after CI pushed it (scripts/ci/pin-console-image.ts). Edits
// only newTag of the foundry-console images entry; comments stay and the file stays
// Prettier-clean, so the commit CI makes passes the same checks a person's would.
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { format, resolveConfig } from "prettier";
import { isMap, isSeq, parseDocument } from "yaml";

const tagPattern = /^[\w][\w.-]{0,127}$/;
const defaultFile = path.resolve(
  __dirname,
  "../../manifests/apps/foundry-console/kustomization.yaml",
);

export async function pinConsoleImage(tag: string, file = defaultFile): Promise<boolean> {
  if (!tagPattern.test(tag)) throw new Error(`${tag} is not an image tag`);
  const before = readFileSync(file, "utf8");
  const doc = parseDocument(before);
  const images = doc.get("images");
  const entry = isSeq(images)
    ? images.items.find((i) => isMap(i) && i.get("name") === "foundry-console")
    : undefined;
  if (!isMap(entry)) throw new Error(`${file} has no images entry named foundry-console`);
  entry.set("newTag", tag);
  const options = (await resolveConfig(file)) ?? {};
  const after = await format(doc.toString(), { ...options, filepath: file });
  if (after === before) return false;
  writeFileSync(file, after);
  return true;
}
