import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import type { Actor, Role } from "@/lib/actor";
import type { SessionState } from "@/lib/auth/session";
import {
  inlineServerActions,
  modulePath,
  pages,
  routeHandlers,
  serverActionFiles,
} from "./app-inventory";

/*
 * Every route handler, page and server action under app/ is either on the public list or refuses
 * an anonymous caller (401 / redirect to sign-in) and a caller whose role is too low (403), through
 * the same guards the app runs. A new, unguarded entry fails here.
 */
const session = vi.hoisted(() => ({ state: { kind: "anonymous" } as SessionState }));

vi.mock("@/lib/auth/session", () => ({ requestActor: async () => session.state }));
vi.mock("next/headers", () => ({
  headers: async () => new Headers({ "x-foundry-path": "/servers?page=2" }),
  cookies: async () => ({ get: () => undefined, getAll: () => [], has: () => false }),
}));

const { isPublicPath } = await import("@/lib/auth/public-routes");
const { guardedRole, isPublicHandler } = await import("@/lib/auth/guard-registry");
const { proxy } = await import("@/proxy");

const methods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const order: Role[] = ["viewer", "operator", "admin"];

function signedInAs(role: Role): SessionState {
  const actor: Actor = { id: "u1", login: "tester", name: "Tester", email: "t@example.com", role };
  return { kind: "signed-in", actor };
}

function lowerRoles(role: Role): Role[] {
  return order.slice(0, order.indexOf(role));
}

async function exportsOf(file: string): Promise<Record<string, unknown>> {
  return (await import(/* @vite-ignore */ modulePath(file))) as Record<string, unknown>;
}

type Callable = (...args: unknown[]) => unknown;
function isCallable(value: unknown): value is Callable {
  return typeof value === "function";
}

function redirectTarget(error: unknown): string | undefined {
  if (!(error instanceof Error) || !("digest" in error) || typeof error.digest !== "string")
    return undefined;
  const [kind, , target] = error.digest.split(";");
  return kind === "NEXT_REDIRECT" ? target : undefined;
}

beforeEach(() => {
  session.state = { kind: "anonymous" };
});

describe("route handlers", () => {
  const entries = routeHandlers();

  it("finds the route handlers", () => {
    expect(entries.map((entry) => entry.urlPath)).toEqual(
      expect.arrayContaining(["/api/health", "/api/auth/sample/path"]),
    );
  });

  for (const entry of entries) {
    it(`${entry.file} (${entry.urlPath}) is public or guarded`, async () => {
      const handlers = await exportsOf(entry.file);
      const exported = methods.filter((method) => method in handlers);
      expect(exported.length, "a route file exports at least one method").toBeGreaterThan(0);
      if (isPublicPath(entry.urlPath)) {
        for (const method of exported) {
          expect(
            isPublicHandler(handlers[method]),
            `${method} ${entry.urlPath} is public: wrap it in publicRoute(...)`,
          ).toBe(true);
        }
        return;
      }
      for (const method of exported) {
        const handler = handlers[method];
        const role = guardedRole(handler);
        expect(role, `${method} ${entry.urlPath} must be wrapped in withRole(...)`).toBeDefined();
        if (!role || !isCallable(handler)) continue;
        const call = () =>
          handler(new Request(`http://127.0.0.1:3000${entry.urlPath}`, { method }), {
            params: Promise.resolve({}),
          });
        session.state = { kind: "anonymous" };
        expect(((await call()) as Response).status, `${method} ${entry.urlPath} anonymous`).toBe(
          401,
        );
        for (const lower of lowerRoles(role)) {
          session.state = signedInAs(lower);
          expect(
            ((await call()) as Response).status,
            `${method} ${entry.urlPath} as ${lower}`,
          ).toBe(403);
        }
      }
    });
  }
});

describe("pages", () => {
  const entries = pages();

  it("finds the pages", () => {
    expect(entries.map((entry) => entry.urlPath)).toEqual(
      expect.arrayContaining(["/servers", "/sign-in"]),
    );
  });

  for (const entry of entries) {
    it(`${entry.file} (${entry.urlPath}) is public or sends an anonymous visitor to sign in`, async () => {
      if (isPublicPath(entry.urlPath)) return;
      const response = await proxy(new NextRequest(`http://127.0.0.1:3000${entry.urlPath}`));
      expect(response.status, "the proxy redirects without a session cookie").toBe(307);
      expect(new URL(response.headers.get("location") ?? "", "http://x").pathname).toBe("/sign-in");

      // The page itself must refuse: a client navigation re-renders only the page segment, not
      // the layouts above it, so a layout's check alone does not guard what a page reads.
      const render = (await exportsOf(entry.file)).default;
      expect(isCallable(render), `${entry.file} has a default export`).toBe(true);
      let refusedTo: string | undefined;
      try {
        if (isCallable(render)) {
          await render({ params: Promise.resolve({}), searchParams: Promise.resolve({}) });
        }
      } catch (error) {
        refusedTo = redirectTarget(error);
      }
      expect(refusedTo, `${entry.file} must call currentActor() before it reads anything`).toBe(
        "/sign-in?callbackUrl=%2Fservers%3Fpage%3D2",
      );
    });
  }
});

describe("server actions", () => {
  it('are only written in "use server" files, where this inventory can find them', () => {
    expect(inlineServerActions()).toEqual([]);
  });

  for (const entry of serverActionFiles()) {
    it(`${entry.file} (${entry.urlPath}) exports only public or guarded actions`, async () => {
      const actions = await exportsOf(entry.file);
      for (const [name, action] of Object.entries(actions)) {
        if (entry.file.startsWith("app/") && isPublicPath(entry.urlPath)) continue;
        const role = guardedRole(action);
        expect(
          role,
          `${name} in ${entry.file} must come from viewerAction/operatorAction/adminAction`,
        ).toBeDefined();
        if (!role || !isCallable(action)) continue;
        session.state = { kind: "anonymous" };
        expect(await action({}), `${name} anonymous`).toMatchObject({
          ok: false,
          code: "unauthenticated",
        });
        for (const lower of lowerRoles(role)) {
          session.state = signedInAs(lower);
          expect(await action({}), `${name} as ${lower}`).toMatchObject({
            ok: false,
            code: "forbidden",
          });
        }
      }
    });
  }
});

describe("the inventory can fail", () => {
  it("sees a handler that nobody wrapped", () => {
    const unwrapped = async () => new Response("secret");
    expect(guardedRole(unwrapped)).toBeUndefined();
    expect(isPublicHandler(unwrapped)).toBe(false);
  });

  it("would catch a page path missing from the public list", () => {
    expect(isPublicPath("/api/health-and-secrets")).toBe(false);
    expect(isPublicPath("/sign-in/../servers")).toBe(false);
    expect(isPublicPath("/api/authz")).toBe(false);
  });
});
