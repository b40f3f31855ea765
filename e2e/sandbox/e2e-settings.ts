/**
 * The browser tests' console runs against the sandbox cluster on a known port, with known
 * (throwaway) webhook keys so the tests can sign events as Flux and GitHub would.
 */
export const sandboxPort = Number(process.env.E2E_SANDBOX_PORT ?? 3118);
export const e2eFluxSecret = "e2e-flux-webhook-key-not-secret";
export const e2eGitHubSecret = "e2e-github-webhook-key-not-secret";

export const sandboxSettings: Record<string, string> = {
  FOUNDRY_SANDBOX: "auto",
  FOUNDRY_SANDBOX_PORT: String(sandboxPort),
  FOUNDRY_SANDBOX_STEP_MS: "400",
  FLUX_WEBHOOK_SECRET: e2eFluxSecret,
  GITHUB_WEBHOOK_SECRET: e2eGitHubSecret,
};
