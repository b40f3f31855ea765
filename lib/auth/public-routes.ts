/**
 * THE list of paths anyone may open without a session. Everything else needs one: pages redirect
 * to sign-in, APIs answer 401. Adding a path here is a security decision: say why beside it.
 */
type PublicRoute = {
  path: string;
  prefix: boolean;
  why: string;
  /**
   * Reached by machines and controllers under whatever address they know the console by
   * (FOUNDRY_PUBLIC_URL, a Provider's address), and authenticated by their own token or signature,
   * never by a session: local mode's loopback-only Host check (against DNS rebinding of its
   * one-click admin) does not apply to them.
   */
  machines?: true;
};

export const publicRoutes: readonly PublicRoute[] = [
  { path: "/api/health", prefix: false, why: "liveness probe" },
  { path: "/api/ready", prefix: false, why: "readiness probe" },
  { path: "/api/auth", prefix: true, why: "next-auth: sign-in, OAuth callback, sign-out" },
  { path: "/sign-in", prefix: false, why: "the sign-in page and its local sign-in action" },
  { path: "/not-allowed", prefix: false, why: "tells a refused person why" },
  { path: "/icon.svg", prefix: false, why: "the console's icon, shown on the sign-in page too" },
  {
    path: "/manifest.webmanifest",
    prefix: false,
    why: "lets a phone keep the console on its home screen; names nothing private",
  },
  { path: "/robots.txt", prefix: false, why: "keeps search engines out; they have no session" },
  {
    path: "/api/webhooks",
    prefix: true,
    why: "Flux and GitHub; each checks its own signature",
    machines: true,
  },
  {
    path: "/api/boot",
    prefix: true,
    why: "iPXE clients; each request checks its own token",
    machines: true,
  },
  {
    path: "/api/enroll",
    prefix: true,
    why: "installing and first-booting servers have no session: the claim is once per current Workflow generation, the exchange checks its own enrollment token",
    machines: true,
  },
];

const matches = (route: PublicRoute, pathname: string) =>
  route.prefix
    ? pathname === route.path || pathname.startsWith(`${route.path}/`)
    : pathname === route.path;

export function isPublicPath(pathname: string): boolean {
  return publicRoutes.some((route) => matches(route, pathname));
}

export function isMachinePath(pathname: string): boolean {
  return publicRoutes.some((route) => route.machines === true && matches(route, pathname));
}
