import { describe, expect, it } from "vitest";
import { assessFreeTier } from "@/lib/oci/assess";
import { readFreeTierLimits, readPriceEstimates } from "@/lib/oci/data-files";
import type { FreeTierUsage, InstanceUsage, LoadBalancerUsage } from "@/lib/oci/types";

const limits = await readFreeTierLimits();
const prices = await readPriceEstimates();

function usage(parts: Partial<FreeTierUsage>): FreeTierUsage {
  const none = { ok: true as const, value: [] };
  return {
    region: "eu-frankfurt-1",
    compartmentId: "ocid1.tenancy.oc1..test",
    instances: none,
    volumes: none,
    buckets: none,
    loadBalancers: none,
    monthToDate: { ok: false, error: "not asked" },
    ...parts,
  };
}

const vm = (shape: string, ocpus: number, memoryGb: number, day: number): InstanceUsage => ({
  id: `i${day}`,
  name: `i${day}`,
  shape,
  ocpus,
  memoryGb,
  state: "RUNNING",
  availabilityDomain: "AD-1",
  createdAt: `2026-11-0${day}T00:00:00.000Z`,
});

const lb = (shape: string, maximumMbps: number | undefined): LoadBalancerUsage => ({
  id: shape,
  name: shape,
  shape,
  minimumMbps: maximumMbps,
  maximumMbps,
  state: "ACTIVE",
  createdAt: "2026-11-01T00:00:00.000Z",
});

describe("assessFreeTier against infra/free-tier-limits.json", () => {
  it.each([
    [
      "two micros",
      [vm("VM.Standard.E2.1.Micro", 1, 1, 1), vm("VM.Standard.E2.1.Micro", 1, 1, 2)],
      0,
    ],
    ["a third micro", [1, 2, 3].map((day) => vm("VM.Standard.E2.1.Micro", 1, 1, day)), 1],
    [
      "A1 split across two, within 2/12",
      [vm("VM.Standard.A1.Flex", 1, 6, 1), vm("VM.Standard.A1.Flex", 1, 6, 2)],
      0,
    ],
    ["A1 memory only over", [vm("VM.Standard.A1.Flex", 2, 16, 1)], 1],
    ["an unlisted shape", [vm("VM.GPU.A10.1", 15, 240, 1)], 1],
  ])("%s → %i flagged", (_, instances, flagged) => {
    expect(
      assessFreeTier(usage({ instances: { ok: true, value: instances } }), limits, prices).flagged,
    ).toBe(flagged);
  });

  it("flags the newest instance over the allowance, and prices unlisted shapes at the fallback", () => {
    const result = assessFreeTier(
      usage({
        instances: {
          ok: true,
          value: [vm("VM.Standard.A1.Flex", 2, 12, 2), vm("VM.Standard.A1.Flex", 1, 6, 1)],
        },
      }),
      limits,
      prices,
    );
    if (!result.instances.ok) throw new Error(result.instances.error);
    expect(result.instances.value.map((row) => [row.id, row.charge.costsMoney])).toEqual([
      ["i1", false],
      ["i2", true],
    ]);
    const gpu = assessFreeTier(
      usage({ instances: { ok: true, value: [vm("VM.GPU.A10.1", 1, 1, 1)] } }),
      limits,
      prices,
    );
    expect(gpu.instances.ok && gpu.instances.value[0]?.charge).toMatchObject({
      reason: expect.stringContaining("priced at the fallback rate"),
    });
  });

  it.each([
    ["flexible at 10 Mbps", lb("flexible", 10), false],
    ["flexible up to 100 Mbps", lb("flexible", 100), true],
    ["the old 10Mbps-Micro", lb("10Mbps-Micro", 10), false],
    ["a fixed 100Mbps shape", lb("100Mbps", 100), true],
  ])("load balancer %s costs money: %s", (_, balancer, costs) => {
    const result = assessFreeTier(
      usage({ loadBalancers: { ok: true, value: [balancer] } }),
      limits,
      prices,
    );
    expect(result.loadBalancers.ok && result.loadBalancers.value[0]?.charge.costsMoney).toBe(costs);
  });

  it("counts a bucket whose size Oracle did not report as free, with a note", () => {
    const result = assessFreeTier(
      usage({
        buckets: {
          ok: true,
          value: [
            {
              name: "b",
              storageTier: "Standard",
              approximateBytes: undefined,
              approximateObjects: undefined,
              createdAt: "2026-11-01T00:00:00.000Z",
            },
          ],
        },
      }),
      limits,
      prices,
    );
    expect(result.buckets.ok && result.buckets.value[0]?.charge).toEqual({
      costsMoney: false,
      note: "size not reported by Oracle",
    });
  });

  it("says the total is partial when a call failed", () => {
    const result = assessFreeTier(usage({ volumes: { ok: false, error: "boom" } }), limits, prices);
    expect(result).toMatchObject({ complete: false, flagged: 0, monthlyUsd: 0 });
    expect(result.meters.map((meter) => meter.label)).not.toContain("Boot and block volumes");
  });
});
