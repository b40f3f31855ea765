import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { createEventBus, type EventBus, type LiveEvent } from "@/lib/events/bus";
import { receiveFluxWebhook } from "@/lib/events/receive-flux-webhook";
import { receiveGitHubWebhook } from "@/lib/events/receive-github-webhook";
import { signBody } from "@/lib/events/signature";
import { pruneWebhookEvents } from "@/lib/events/webhook-events";
import {
  createTestDatabase,
  describeEachDatabase,
  type TestDatabase,
} from "@/tests/db/support/databases";

const fluxSecret = "flux-webhook-secret-0123";
const githubSecret = "It's a Secret to Everybody";
const sha = "0123456789abcdef0123456789abcdef01234567";

function fluxEvent(overrides: Record<string, unknown> = {}) {
  return {
    involvedObject: {
      kind: "Kustomization",
      namespace: "flux-system",
      name: "tinkerbell",
      uid: "u1",
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    },
    severity: "info",
    timestamp: "2026-11-21T10:00:00Z",
    message: `Applied revision: main@sha1:${sha}`,
    reason: "ReconciliationSucceeded",
    metadata: { revision: `main@sha1:${sha}` },
    reportingController: "kustomize-controller",
    reportingInstance: "kustomize-controller-abc",
    ...overrides,
  };
}

function fluxRequest(
  body: string,
  signature = signBody(body, fluxSecret),
  headers: Record<string, string> = {},
) {
  return new Request("http://console/api/webhooks/flux", {
    method: "POST",
    body,
    headers: { "Content-Type": "application/json", "X-Signature": signature, ...headers },
  });
}

function githubRequest(
  body: string,
  delivery: string,
  event = "push",
  signature = signBody(body, githubSecret),
) {
  return new Request("http://console/api/webhooks/github", {
    method: "POST",
    body,
    headers: {
      "Content-Type": "application/json",
      "X-Hub-Signature-256": signature,
      "X-GitHub-Delivery": delivery,
      "X-GitHub-Event": event,
    },
  });
}

describeEachDatabase("signed webhooks", (provider) => {
  let database: TestDatabase;
  let client: DatabaseClient;
  let bus: EventBus;
  let published: LiveEvent[];
  let refreshes: number;
  const flux = (request: Request) =>
    receiveFluxWebhook(request, { fluxWebhookSecret: fluxSecret, db: client, bus });
  const github = (request: Request) =>
    receiveGitHubWebhook(request, {
      githubWebhookSecret: githubSecret,
      db: client,
      bus,
      branch: "main",
      refreshClone: async () => {
        refreshes += 1;
      },
    });
  const count = () => client.webhookEvent.count();

  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyMigrations({ databaseUrl: database.url });
    client = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });
  beforeEach(async () => {
    await client.webhookEvent.deleteMany();
    bus = createEventBus();
    published = [];
    bus.subscribe((event) => published.push(event));
    refreshes = 0;
  });

  describe("Flux (generic-hmac)", () => {
    it("stores a signed event with its revision's sha and tells browsers", async () => {
      const response = await flux(fluxRequest(JSON.stringify(fluxEvent())));
      expect(response.status).toBe(202);
      const row = await client.webhookEvent.findFirstOrThrow();
      expect(row).toMatchObject({
        source: "flux",
        objectKind: "Kustomization",
        objectName: "tinkerbell",
        sha,
        severity: "info",
        controller: "kustomize-controller",
      });
      expect(published.map((event) => event.topic)).toEqual(["flux"]);
    });

    it("accepts sha512 signatures and older revision forms", async () => {
      const body = JSON.stringify(
        fluxEvent({
          metadata: { "kustomize.toolkit.fluxcd.io/revision": `main/${sha}` },
          timestamp: "2026-11-21T10:00:01Z",
        }),
      );
      expect((await flux(fluxRequest(body, signBody(body, fluxSecret, "sha512")))).status).toBe(
        202,
      );
      expect((await client.webhookEvent.findFirstOrThrow()).sha).toBe(sha);
    });

    it("stores a retried event once", async () => {
      const body = JSON.stringify(fluxEvent());
      expect((await flux(fluxRequest(body))).status).toBe(202);
      const again = await flux(fluxRequest(body));
      expect(again.status).toBe(200);
      expect(await again.json()).toMatchObject({ duplicate: true });
      expect(await count()).toBe(1);
      expect(published).toHaveLength(1);
    });

    it.each([
      [
        "a tampered body",
        (body: string) =>
          fluxRequest(body.replace("tinkerbell", "apps"), signBody(body, fluxSecret)),
        401,
      ],
      [
        "a wrong key",
        (body: string) => fluxRequest(body, signBody(body, "another-secret-0123456")),
        401,
      ],
      ["no signature", (body: string) => fluxRequest(body, ""), 401],
      [
        "a body over 1 MiB",
        () => fluxRequest(JSON.stringify(fluxEvent({ message: "x".repeat(1024 * 1024) }))),
        413,
      ],
      ["not JSON", () => fluxRequest("not json"), 400],
      [
        "a malformed event",
        () => fluxRequest(JSON.stringify({ ...fluxEvent(), severity: "loud" })),
        400,
      ],
    ])("refuses %s and stores nothing", async (_label, build, status) => {
      const response = await flux(build(JSON.stringify(fluxEvent())));
      expect(response.status).toBe(status);
      expect(await count()).toBe(0);
      expect(published).toEqual([]);
    });

    it("refuses an oversize body that does not declare its length", async () => {
      const big = new TextEncoder().encode("x".repeat(1024 * 1024 + 10));
      const stream = new ReadableStream<Uint8Array>({
        start(controller) {
          for (let at = 0; at < big.length; at += 64 * 1024)
            controller.enqueue(big.slice(at, at + 64 * 1024));
          controller.close();
        },
      });
      const request = new Request("http://console/api/webhooks/flux", {
        method: "POST",
        body: stream,
        duplex: "half",
        headers: { "X-Signature": "sha256=00" },
      } as RequestInit);
      expect((await flux(request)).status).toBe(413);
      expect(await count()).toBe(0);
    });
  });

  describe("GitHub", () => {
    const push = JSON.stringify({
      ref: "refs/heads/main",
      before: "0".repeat(40),
      after: sha,
      repository: { full_name: "metal/foundry" },
      pusher: { name: "ada" },
      head_commit: {
        id: sha,
        message: "servers: register rack1-node3\n\nbody",
        timestamp: "2026-11-21T10:00:00Z",
      },
    });

    it("answers a ping", async () => {
      const response = await github(
        githubRequest(
          JSON.stringify({ zen: "Keep it logically awesome.", hook_id: 1 }),
          "d-ping",
          "ping",
        ),
      );
      expect(response.status).toBe(200);
      expect(refreshes).toBe(0);
    });

    it("fetches the clone on a push to the branch, and stores a redelivery once", async () => {
      expect((await github(githubRequest(push, "delivery-1"))).status).toBe(202);
      await new Promise((resolve) => setTimeout(resolve, 10));
      expect(refreshes).toBe(1);
      expect(published.map((event) => event.topic)).toEqual(["git"]);
      const replay = await github(githubRequest(push, "delivery-1"));
      expect(await replay.json()).toMatchObject({ duplicate: true });
      // The delivery id is not signed: the same signed body under a fresh id is a replay.
      const underAnotherId = await github(githubRequest(push, "delivery-2"));
      expect(await underAnotherId.json()).toMatchObject({ duplicate: true });
      expect(refreshes).toBe(1);
      expect(await client.webhookEvent.count({ where: { source: "github" } })).toBe(1);
      expect(await client.webhookEvent.findFirstOrThrow()).toMatchObject({
        message: "servers: register rack1-node3",
        sha,
      });
    });

    it.each([
      [
        "a tampered body",
        () => githubRequest(push.replace("ada", "eve"), "d1", "push", signBody(push, githubSecret)),
        401,
      ],
      ["a missing delivery id", () => githubRequest(push, "", "push"), 400],
      [
        "a malformed push",
        () => githubRequest(JSON.stringify({ ref: "refs/heads/main" }), "d2"),
        400,
      ],
      ["an oversize body", () => githubRequest("x".repeat(1024 * 1024 + 1), "d3"), 413],
    ])("refuses %s and stores nothing", async (_label, build, status) => {
      expect((await github(build())).status).toBe(status);
      expect(await count()).toBe(0);
      expect(refreshes).toBe(0);
    });
  });

  it("prunes by age and by count", async () => {
    for (let i = 0; i < 5; i++) {
      await client.webhookEvent.create({
        data: {
          source: "flux",
          deliveryKey: `k${i}`,
          type: "t",
          message: "m",
          occurredAt: new Date(),
          receivedAt: new Date(Date.now() - (i === 0 ? 40 : 0) * 24 * 3600 * 1000),
        },
      });
    }
    expect(await pruneWebhookEvents(client, { days: 30, maxEvents: 3 })).toBe(2);
    expect(
      (await client.webhookEvent.findMany({ orderBy: { id: "asc" } })).map(
        (row) => row.deliveryKey,
      ),
    ).toEqual(["k2", "k3", "k4"]);
  });
});
