/**
 * The K3s release the sandbox's nodes report: the one the platform pins (`k3s_version` in
 * infra/terraform/variables.tf), so the demo shows what a new cluster runs and agents join at
 * the control plane's version. tests/platform/k3s-release.test.ts keeps the two equal.
 */
export const sandboxK3sVersion = "v1.33.5+k3s1";
