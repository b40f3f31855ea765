import { describe, expect, it } from "vitest";
import { bmcJobObjectSchema, machineSchema } from "@/lib/k8s/schemas/rufio";
import { reshapeBmc } from "@/lib/k8s/views/reshape-bmc";

// Shapes as Rufio (Tinkerbell v0.21.0's bmc API) writes them.
const machine = (status: unknown) =>
  machineSchema.parse({ metadata: { name: "rack1-node4", namespace: "tinkerbell" }, status });
const job = (status: unknown, tasks: unknown[] = [{ powerAction: "cycle" }]) =>
  bmcJobObjectSchema.parse({
    metadata: {
      name: "rack1-node4-bmc-3",
      namespace: "tinkerbell",
      labels: { "foundry.metal/server": "rack1-node4" },
      creationTimestamp: "2026-12-04T05:00:00Z",
    },
    spec: { machineRef: { name: "rack1-node4", namespace: "tinkerbell" }, tasks },
    status,
  });

describe("a server's BMC as Rufio reports it", () => {
  it("reads the power state and a BMC that cannot be reached, in its own words", () => {
    const view = reshapeBmc(
      machine({
        powerState: "unknown",
        conditions: [{ type: "Contactable", status: "False", message: "401 Unauthorized" }],
      }),
      undefined,
    );
    expect(view).toEqual({
      power: "unknown",
      contactable: { ok: false, message: "401 Unauthorized" },
      lastJob: null,
    });
  });

  it("says what the newest Job asked and how it went", () => {
    const failed = reshapeBmc(
      machine({ powerState: "off" }),
      job({
        conditions: [{ type: "Failed", status: "True", message: "task 0: connection refused" }],
        startTime: "2026-12-04T05:00:01Z",
        completionTime: "2026-12-04T05:00:09Z",
      }),
    );
    expect(failed.lastJob).toEqual({
      name: "rack1-node4-bmc-3",
      asked: "power cycle",
      state: "failed",
      message: "task 0: connection refused",
      at: "2026-12-04T05:00:09.000Z",
    });
    const done = reshapeBmc(
      machine({ powerState: "on" }),
      job({ conditions: [{ type: "Completed", status: "True" }] }, [
        { oneTimeBootDeviceAction: { device: ["pxe"], efiBoot: true } },
      ]),
    );
    expect(done.lastJob).toMatchObject({ asked: "next boot from the network", state: "completed" });
    expect(reshapeBmc(undefined, job(undefined)).lastJob?.state).toBe("waiting");
  });
});
