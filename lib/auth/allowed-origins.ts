import { isLoopbackHost, type AuthSettings } from "@/lib/settings/auth";

/** The console's origin; in local mode any loopback spelling of it, as people type either. */
export function allowedOriginsOf(settings: {
  auth: Pick<AuthSettings, "url" | "mode">;
  port: number;
  hostname: string;
}): Set<string> {
  const { auth, port, hostname } = settings;
  const origins = new Set([new URL(auth.url).origin]);
  if (auth.mode === "local" && isLoopbackHost(hostname)) {
    for (const host of ["127.0.0.1", "localhost", "[::1]"]) origins.add(`http://${host}:${port}`);
  }
  return origins;
}

/** Methods that change nothing: no Origin is asked of them. */
export const safeMethods: ReadonlySet<string> = new Set(["GET", "HEAD", "OPTIONS"]);
