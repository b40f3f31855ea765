import type { Actor, Role } from "@/lib/actor";
import type { SessionState } from "@/lib/auth/session";

/**
 * The console's boot media route handlers, imported after the test set its settings, and
 * called as Next would call them (a Web Request and a context with promised params).
 */
export type RouteHandler = (
  request: Request,
  context: { params: Promise<Record<string, string>> },
) => Promise<Response>;

export type ConsoleRoutes = {
  handle(request: Request): Promise<Response | undefined>;
};

type Entry = { pattern: RegExp; param: string; methods: Record<string, RouteHandler> };

export async function consoleRoutes(): Promise<ConsoleRoutes> {
  const generic = await import("@/app/api/media/generic/route");
  const servers = await import("@/app/api/media/servers/[name]/route");
  const downloads = await import("@/app/api/media/downloads/[ticket]/route");
  const boot = await import("@/app/api/boot/media/[token]/route");
  const entries: Entry[] = [
    {
      pattern: /^\/api\/media\/generic$/,
      param: "",
      methods: { GET: generic.GET, HEAD: generic.HEAD },
    },
    {
      pattern: /^\/api\/media\/servers\/([^/]+)$/,
      param: "name",
      methods: { POST: servers.POST as RouteHandler },
    },
    {
      pattern: /^\/api\/media\/downloads\/([^/]+)$/,
      param: "ticket",
      methods: { GET: downloads.GET as RouteHandler, HEAD: downloads.HEAD as RouteHandler },
    },
    {
      pattern: /^\/api\/boot\/media\/([^/]+)$/,
      param: "token",
      methods: { GET: boot.GET as RouteHandler },
    },
  ];
  return {
    async handle(request) {
      const url = new URL(request.url);
      for (const entry of entries) {
        const match = entry.pattern.exec(url.pathname);
        if (match === null) continue;
        const handler = entry.methods[request.method];
        if (handler === undefined) return new Response(null, { status: 405 });
        const params = entry.param ? { [entry.param]: decodeURIComponent(match[1] ?? "") } : {};
        return handler(request, { params: Promise.resolve(params) });
      }
      return undefined;
    },
  };
}

export function testActor(role: Role): Actor {
  return {
    id: `id-${role}`,
    login: `${role}-person`,
    name: role,
    email: `${role}@example.test`,
    role,
  };
}

export function signedIn(role: Role): SessionState {
  return { kind: "signed-in", actor: testActor(role) };
}
