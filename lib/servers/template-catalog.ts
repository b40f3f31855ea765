import type { TreeReader } from "@/lib/gitops/types";
import { templateSchema } from "@/lib/manifests/template";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { folders } from "./paths";
import {
  derivedVariables,
  templateMetadataSchema,
  tinkerbellVariables,
  type TemplateMetadata,
} from "./template-metadata";

export type CatalogEntry = TemplateMetadata & {
  path: string;
  /** Whether its actions address a partition of the install disk (`formatPartition`). */
  writesPartitions: boolean;
};
export type Catalog = { templates: CatalogEntry[]; problems: { path: string; problem: string }[] };

/**
 * The OS templates the repository offers: every `<name>.meta.json` under the templates folder
 * whose Template of that name is committed beside it. Read from Git, never a list in the code.
 */
export async function readCatalog(tree: TreeReader): Promise<Catalog> {
  const files = await tree.list(folders.templates);
  const catalog: Catalog = { templates: [], problems: [] };
  for (const path of files.filter((file) => file.endsWith(".meta.json"))) {
    const problem = (text: string) => catalog.problems.push({ path, problem: text });
    let json: unknown;
    try {
      json = JSON.parse((await tree.read(path)) ?? "");
    } catch {
      problem("is not JSON");
      continue;
    }
    const metadata = templateMetadataSchema.safeParse(json);
    if (!metadata.success) {
      problem(`does not describe a template: ${metadata.error.issues[0]?.message ?? "invalid"}`);
      continue;
    }
    const reserved = metadata.data.parameters.find((parameter) =>
      [...derivedVariables, ...tinkerbellVariables].some((name) => name === parameter.name),
    );
    if (reserved) {
      problem(
        `parameter ${reserved.name} is filled by the console or Tinkerbell and cannot be set`,
      );
      continue;
    }
    const templatePath = `${folders.templates}/${metadata.data.template}.yaml`;
    const text = await tree.read(templatePath);
    const template = text === undefined ? undefined : safeTemplate(text);
    if (template?.metadata.name !== metadata.data.template) {
      problem(`has no Template named ${metadata.data.template} in ${templatePath}`);
      continue;
    }
    catalog.templates.push({
      ...metadata.data,
      path: templatePath,
      writesPartitions: template.spec.data?.includes("formatPartition") ?? false,
    });
  }
  catalog.templates.sort((a, b) => a.displayName.localeCompare(b.displayName));
  return catalog;
}

function safeTemplate(text: string) {
  try {
    return readYamlObjects(text)
      .map((value) => templateSchema.safeParse(value))
      .find((result) => result.success)?.data;
  } catch {
    return undefined;
  }
}
