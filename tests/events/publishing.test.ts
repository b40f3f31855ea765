import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventBus, type LiveEvent } from "@/lib/events/bus";
import { publishingAudit } from "@/lib/events/publishing-audit";
import { publishingWriter } from "@/lib/events/publishing-writer";
import { registerServer } from "@/lib/servers/register";
import { createMemoryAuditLog } from "@/tests/support/memory-audit-log";
import {
  createServerWorld,
  operator,
  serverInput,
  type ServerWorld,
} from "@/tests/servers/server-world";

describe("every open browser is told of a change", () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await createServerWorld();
  });
  afterAll(async () => world?.close());

  const heard = () => {
    const bus = createEventBus();
    const events: LiveEvent[] = [];
    bus.subscribe((event) => events.push(event));
    return { bus, events };
  };

  it("after a commit: the repository, the servers, their timelines and Activity", async () => {
    const { bus, events } = heard();
    const deps = { ...world.deps(), writer: publishingWriter(world.deps().writer, bus) };
    const outcome = await registerServer(
      {
        actor: operator,
        input: serverInput({
          name: "told-node1",
          interfaces: [{ mode: "dhcp", mac: "02:00:00:aa:00:01" }],
        }),
      },
      deps,
    );
    if (outcome.kind !== "committed") throw new Error("expected a commit");
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      topic: "git",
      invalidate: [["git"], ["servers"], ["timeline"], ["activity"]],
      summary: `committed ${outcome.sha.slice(0, 7)}: servers: register told-node1 (02:00:00:aa:00:01)`,
    });
  });

  it("after a refused change: its audit row, on Activity", async () => {
    const { bus, events } = heard();
    const deps = { ...world.deps(), writer: publishingWriter(world.deps().writer, bus) };
    const again = registerServer(
      {
        actor: operator,
        input: serverInput({
          name: "told-node1",
          interfaces: [{ mode: "dhcp", mac: "02:00:00:aa:00:02" }],
        }),
      },
      deps,
    );
    await expect(again).rejects.toThrow();
    expect(events.map((event) => event.invalidate)).toEqual([[["activity"]]]);
  });

  it("after each audit entry a verb writes outside Git", async () => {
    const { bus, events } = heard();
    const audit = publishingAudit(createMemoryAuditLog(), bus);
    await audit.start({
      requestId: "r1",
      actor: operator,
      action: "create-boot-media",
      target: "told-node1",
    });
    await audit.finish("r1", { status: "succeeded" });
    expect(events.map((event) => event.invalidate)).toEqual([[["activity"]], [["activity"]]]);
  });
});
