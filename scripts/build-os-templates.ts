// `npx tsx scripts/build-os-templates.ts`: writes the built-in OS templates into manifests/.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { editKustomizationResources } from "@/lib/manifests/kustomization-resources";
import { builtInTemplateFiles } from "@/lib/manifests/os-templates/render-files";

async function main(): Promise<void> {
  const root = path.resolve(__dirname, "../manifests");
  const files = builtInTemplateFiles();
  for (const [file, content] of files) await writeFile(path.join(root, file), content);
  const kustomization = path.join(root, "tinkerbell/templates/kustomization.yaml");
  const resources = [...files.keys()]
    .filter((file) => file.endsWith(".yaml"))
    .map((file) => path.basename(file));
  const text = await readFile(kustomization, "utf8");
  await writeFile(kustomization, editKustomizationResources(text, { add: resources }));
  console.log(`wrote ${files.size} files`);
}

void main();
