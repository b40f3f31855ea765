import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { evaluate } from "./hcl-eval";
import { parseTemplate, type Value } from "./hcl-expr";
import { repoRoot } from "./reference";

export const platformEnvPath = "/etc/foundry/platform.env";
const templatePath = path.join(repoRoot, "infra/cloud-init/control-plane.yaml");

// What a fork's terraform.tfvars gives the template, as main.tf passes it (templatefile()).
export const sampleTerraformValues: Record<string, Value> = {
  github_repository: "octo/metal-foundry",
  git_branch: "main",
  console_hostname: "foundry.example.org",
  acme_email: "ops@example.org",
  region: "eu-frankfurt-1",
  object_namespace: "ns",
  backup_bucket: "metal-foundry-backups",
};

// The foundry-platform settings cloud-init writes (the ConfigMap infra/flux-handover.sh makes),
// rendered the way Terraform's templatefile() renders the template. Only the platform.env file
// is rendered, so the values the rest of the template needs do not matter here.
export function platformSettings(
  values: Record<string, Value> = sampleTerraformValues,
  template = readFileSync(templatePath, "utf8"),
): Record<string, string> {
  const config = parse(template) as { write_files?: { path: string; content: string }[] };
  const file = config.write_files?.find((f) => f.path === platformEnvPath);
  if (!file) throw new Error(`the cloud-init template writes no ${platformEnvPath}`);
  const scope = {
    lookup: (name: string): Value => {
      const v = values[name];
      if (v === undefined) throw new Error(`${platformEnvPath} uses ${name}, not given`);
      return v;
    },
  };
  const text = parseTemplate(file.content, false)
    .map((p) => (typeof p === "string" ? p : String(evaluate(p, scope))))
    .join("");
  const settings: Record<string, string> = {};
  for (const line of text.split("\n")) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) settings[match[1]] = match[2];
  }
  return settings;
}
