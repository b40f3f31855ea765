import type { Value } from "./hcl-expr";
import { capacityProfiles, controlPlaneConfig, controlPlaneVarsFor } from "./cloud-init";

export const platformEnvPath = "/etc/foundry/platform.env";

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

/*
 * What the bootstrap adds to the settings on the machine, after cloud-init wrote them: the
 * tailnet addresses of K3s and Tinkerbell (infra/k3s-tailnet.sh) and K3s's CA hash once it runs.
 * Example values in the shape those steps write; tests/platform/k3s-join.test.ts runs the script.
 */
export const settingsWrittenAtBoot: Record<string, string> = {
  K3S_URL: "https://metal-foundry-control-plane.tail1234.ts.net:6443",
  TINKERBELL_PUBLIC_IP: "100.101.102.103",
  TINKERBELL_ARTIFACTS_URL: "http://100.101.102.103:7173",
  K3S_CA_HASH: "0".repeat(64),
};

// The foundry-platform settings (the ConfigMap infra/flux-handover.sh makes): platform.env as
// Terraform's templatefile() renders cloud-init for the profile, plus what the bootstrap adds.
export function platformSettings(
  values: Record<string, Value> = sampleTerraformValues,
  profile = capacityProfiles.default,
): Record<string, string> {
  const { file } = controlPlaneConfig({ ...controlPlaneVarsFor(profile), ...values });
  const settings: Record<string, string> = {};
  for (const line of file(platformEnvPath).split("\n")) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) settings[match[1]] = match[2];
  }
  return { ...settings, ...settingsWrittenAtBoot };
}
