import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { Actor, Role } from "@/lib/actor";
import type { SessionState } from "@/lib/auth/session";
import { parseEnv } from "@/lib/settings/env-schema";
import { ConflictError, InvalidError } from "@/lib/errors";
import { DuplicateError } from "@/lib/servers/errors";

const session = vi.hoisted(() => ({ state: { kind: "anonymous" } as SessionState }));
vi.mock("@/lib/auth/session", () => ({ requestActor: async () => session.state }));
vi.mock("@/lib/settings/env", () => ({
  env: () => parseEnv({ PORT: "3000", HOSTNAME: "127.0.0.1" }),
}));

const { operatorAction } = await import("@/lib/auth/action-client");
const { withRole } = await import("@/lib/auth/with-role");

function as(role: Role): SessionState {
  const actor: Actor = { id: "u1", login: "mona", name: "Mona", email: "mona@example.com", role };
  return { kind: "signed-in", actor };
}

const work = vi.fn(async ({ input }: { input: { name: string } }) => `synced ${input.name}`);
const requestSync = operatorAction
  .inputSchema(z.object({ name: z.string().min(1, "name is required") }))
  .action(work);

beforeEach(() => {
  session.state = { kind: "anonymous" };
  work.mockClear();
});

describe("operatorAction", () => {
  it("refuses an anonymous caller before parsing anything", async () => {
    expect(await requestSync("not even an object")).toMatchObject({
      ok: false,
      code: "unauthenticated",
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("refuses a viewer who sends the action by hand", async () => {
    session.state = as("viewer");
    expect(await requestSync({ name: "fleet" })).toEqual({
      ok: false,
      code: "forbidden",
      error: "This needs the operator role",
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("parses the input after the role check, with field messages", async () => {
    session.state = as("operator");
    expect(await requestSync({ name: "" })).toMatchObject({
      ok: false,
      code: "invalid",
      fields: { name: ["name is required"] },
    });
    expect(work).not.toHaveBeenCalled();
  });

  it("runs for an operator and an admin, reading forms too", async () => {
    session.state = as("operator");
    expect(await requestSync({ name: "fleet" })).toEqual({ ok: true, data: "synced fleet" });
    session.state = as("admin");
    const form = new FormData();
    form.set("name", "rack1");
    form.set("$ACTION_ID_abc", "");
    expect(await requestSync(form)).toEqual({ ok: true, data: "synced rack1" });
  });

  it("maps domain errors and hides unknown ones", async () => {
    session.state = as("operator");
    work.mockRejectedValueOnce(new ConflictError("a sync is already running"));
    expect(await requestSync({ name: "x" })).toMatchObject({
      ok: false,
      code: "conflict",
      error: "a sync is already running",
    });
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    work.mockRejectedValueOnce(new Error("password=hunter2"));
    expect(await requestSync({ name: "x" })).toEqual({
      ok: false,
      code: "internal",
      error: "Internal error",
    });
  });

  it("keeps the field messages of a verb's refusal, so the form shows them beside each field", async () => {
    session.state = as("operator");
    work.mockRejectedValueOnce(
      new InvalidError("Some fields need attention", { mac: ["must be a MAC address"] }),
    );
    expect(await requestSync({ name: "x" })).toEqual({
      ok: false,
      code: "invalid",
      error: "Some fields need attention",
      fields: { mac: ["must be a MAC address"] },
    });
    work.mockRejectedValueOnce(
      new DuplicateError("web-1 is taken", { name: ["is already registered"] }),
    );
    expect(await requestSync({ name: "x" })).toEqual({
      ok: false,
      code: "conflict",
      error: "web-1 is taken",
      fields: { name: ["is already registered"] },
    });
  });

  it("knows a domain error made by another bundle's copy of lib/errors by its brand", async () => {
    session.state = as("operator");
    // What a second copy of the class produces: an Error with the registered brand and a kind.
    const foreign = Object.assign(new Error("the remote moved"), {
      kind: "conflict",
      [Symbol.for("metal-foundry.domain-error")]: true,
    });
    work.mockRejectedValueOnce(foreign);
    expect(await requestSync({ name: "x" })).toEqual({
      ok: false,
      code: "conflict",
      error: "the remote moved",
    });
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    work.mockRejectedValueOnce(Object.assign(new Error("no brand"), { kind: "conflict" }));
    expect(await requestSync({ name: "x" })).toMatchObject({ ok: false, code: "internal" });
  });
});

describe("withRole", () => {
  const handler = withRole("operator", async (_request: Request, { actor }) =>
    Response.json({ by: actor.login }),
  );
  const post = (origin?: string) =>
    handler(
      new Request("http://127.0.0.1:3000/api/sync", {
        method: "POST",
        headers: origin ? { Origin: origin } : {},
      }),
      { params: Promise.resolve({}) },
    );

  it("answers 401 without a session and 403 for a viewer", async () => {
    expect((await post("http://127.0.0.1:3000")).status).toBe(401);
    session.state = as("viewer");
    expect((await post("http://127.0.0.1:3000")).status).toBe(403);
  });

  it.each([
    undefined,
    "null",
    "https://evil.example",
    "http://127.0.0.1:3001",
    "http://127.0.0.1:3000.evil.example",
  ])("refuses a state change from origin %s", async (origin) => {
    session.state = as("admin");
    const response = await post(origin);
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: "Cross-site request refused" });
  });

  it.each(["http://127.0.0.1:3000", "http://localhost:3000"])(
    "accepts its own origin %s",
    async (origin) => {
      session.state = as("operator");
      const response = await post(origin);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({ by: "mona" });
    },
  );

  it("lets a GET through without an Origin", async () => {
    session.state = as("viewer");
    const read = withRole("viewer", async () => new Response("ok"));
    expect((await read(new Request("http://127.0.0.1:3000/api/x"), {})).status).toBe(200);
  });
});

describe("publicRoute", () => {
  it("maps a refusal the handler throws through the one error mapping, and hides unknown errors", async () => {
    const { publicRoute } = await import("@/lib/auth/public-route");
    const refuse = publicRoute(async () => {
      throw new InvalidError("Bad request: mac must be a MAC address.", {
        mac: ["must be a MAC address"],
      });
    });
    const refused = await refuse(new Request("http://127.0.0.1:3000/api/boot/media/x"), {});
    expect(refused.status).toBe(400);
    expect(await refused.json()).toEqual({
      error: "Bad request: mac must be a MAC address.",
      fields: { mac: ["must be a MAC address"] },
    });
    vi.spyOn(console, "error").mockImplementationOnce(() => undefined);
    const broken = publicRoute(async () => {
      throw new Error("token=secret");
    });
    const failed = await broken(new Request("http://127.0.0.1:3000/api/webhooks/flux"), {});
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ error: "Internal error" });
  });
});
