import { buildTemplate } from "../build-template";
import { toYaml } from "../yaml-document";
import { builtInTemplates } from "./catalog";

/** The files the project's built-in templates are committed as, by path under the manifests tree. */
export function builtInTemplateFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const { data, metadata } of builtInTemplates) {
    const header =
      "# Generated from lib/manifests/os-templates by scripts/build-os-templates.ts.\n";
    files.set(
      `tinkerbell/templates/${data.name}.yaml`,
      header + toYaml(buildTemplate(data.name, data)),
    );
    files.set(
      `tinkerbell/templates/${data.name}.meta.json`,
      `${JSON.stringify(metadata, null, 2)}\n`,
    );
  }
  return files;
}
