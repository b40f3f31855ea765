/**
 * The address installed servers call at first boot (`foundry_url`, FOUNDRY_PUBLIC_URL). On a
 * loopback address a real server reaches only itself, so the install would wait for a console
 * that is not there: say so before the commit, in plain words.
 */
export function consoleAddressWarning(consoleUrl: string): string | undefined {
  const host = new URL(consoleUrl).hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const loopback =
    host === "localhost" || host.endsWith(".localhost") || host === "::1" || /^127\./.test(host);
  if (!loopback) return undefined;
  return `Installed servers will call the console at ${consoleUrl}, a loopback address: a real server reaches only itself there. Set FOUNDRY_PUBLIC_URL to an address your servers reach.`;
}
