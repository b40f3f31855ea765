import { NextResponse, type NextRequest } from "next/server";
import { isMachinePath, isPublicPath } from "@/lib/auth/public-routes";
import { allowedOriginsOf, safeMethods } from "@/lib/auth/allowed-origins";
import { isLoopbackHost } from "@/lib/settings/auth";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { parseEnv } from "@/lib/settings/env-schema";
import { rateLimitFor } from "@/lib/http/rate-limits";
import { tooManyRequests } from "@/lib/http/rate-limiter";
import { contentSecurityPolicy, newNonce, securityHeaders } from "@/lib/http/security-headers";
import { singleton } from "@/lib/singleton";

/**
 * Runs before every route: security headers with a fresh CSP nonce, rate limits, and the quick
 * "has a session cookie at all" check. The real session and role checks happen in the guards
 * (layout, action client, withRole), which never rely on this file.
 */
export async function proxy(request: NextRequest): Promise<Response> {
  const settings = singleton("proxy-env", () => parseEnv(process.env));
  const { auth } = settings;
  const https = auth.secureCookies;
  const { pathname, search } = request.nextUrl;

  // Local mode trusts whoever reaches loopback; a page on another site that rebinds its own name
  // to 127.0.0.1 would also reach it, but its requests carry that name as Host. Machines calling
  // their token-checked routes under FOUNDRY_PUBLIC_URL are not that trust.
  if (auth.mode === "local" && !isMachinePath(pathname) && !isLoopbackHost(hostnameOf(request))) {
    return withHeaders(
      NextResponse.json(
        { error: "Local mode answers only on localhost, 127.0.0.1 or [::1]" },
        { status: 421 },
      ),
      https,
    );
  }

  const limited = await rateLimitFor(request.method, pathname, clientKey(request));
  if (limited) return withHeaders(tooManyRequests(limited.retryAfterSeconds), https);

  // A session cookie rides along on every request a browser makes, a cross-site one too: a
  // change it authenticates (a server action, a JSON write) must come from the console's own
  // origin, checked against AUTH_URL rather than a Host a client can set. Machines' routes carry
  // no cookie and keep their own checks.
  if (
    !safeMethods.has(request.method) &&
    request.cookies.has(sessionCookieName(https)) &&
    !isMachinePath(pathname) &&
    !allowedOriginsOf(settings).has(request.headers.get("origin") ?? "")
  ) {
    return withHeaders(
      NextResponse.json({ error: "Cross-site request refused" }, { status: 403 }),
      https,
    );
  }

  if (!isPublicPath(pathname) && !request.cookies.has(sessionCookieName(https))) {
    if (pathname.startsWith("/api/")) {
      return withHeaders(NextResponse.json({ error: "Sign in first" }, { status: 401 }), https);
    }
    const signIn = new URL("/sign-in", request.url);
    const back = safeCallbackUrl(`${pathname}${search}`);
    if (back !== "/") signIn.searchParams.set("callbackUrl", back);
    return withHeaders(NextResponse.redirect(signIn), https);
  }

  const nonce = newNonce();
  const csp = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  requestHeaders.set("x-foundry-path", `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  return withHeaders(response, https);
}

function withHeaders<T extends Response>(response: T, https: boolean): T {
  for (const [name, value] of Object.entries(securityHeaders({ https }))) {
    response.headers.set(name, value);
  }
  return response;
}

function hostnameOf(request: NextRequest): string {
  const host = request.headers.get("host") ?? request.nextUrl.host;
  try {
    return new URL(`http://${host}`).hostname.replace(/^\[(.*)\]$/, "$1");
  } catch {
    return "";
  }
}

// The client: lib/http/trusted-forwarded-for.ts has already made X-Forwarded-For its one address.
function clientKey(request: NextRequest): string {
  const forwarded = request.headers.get("x-forwarded-for") ?? "";
  return forwarded.split(",").pop()?.trim() || "unknown";
}

export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
