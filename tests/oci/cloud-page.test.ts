import { afterEach, describe, expect, it } from "vitest";
import { buildCloudOverview, type CloudOverview } from "@/lib/oci/cloud-overview";
import {
  createOciWorld,
  freeOnlyTenancy,
  instance,
  loadBalancer,
  volume,
  type OciTestWorld,
} from "./oci-world";
import { renderCloudView } from "./render";

let world: OciTestWorld | undefined;
afterEach(async () => {
  await world?.close();
  world = undefined;
});

function ready(overview: CloudOverview) {
  if (overview.state !== "ready")
    throw new Error(`expected a ready overview, got ${JSON.stringify(overview)}`);
  return overview;
}

function rows<T>(section: { ok: true; value: T[] } | { ok: false; error: string }): T[] {
  if (!section.ok) throw new Error(section.error);
  return section.value;
}

describe("the Cloud page through the real OCI SDK against a signature-checking double", () => {
  it("shows $0.00 and flags nothing for a tenancy holding only Always Free resources", async () => {
    world = await createOciWorld(freeOnlyTenancy());
    const overview = ready(await buildCloudOverview(world.settings()));

    expect(overview.assessment).toMatchObject({ monthlyUsd: 0, flagged: 0, complete: true });
    expect(overview.monthToDate).toMatchObject({ ok: true, value: { amount: 0, currency: "USD" } });
    expect(rows(overview.assessment.instances).map((row) => row.name)).toEqual([
      "control-plane",
      "worker-a1",
    ]);
    expect(rows(overview.assessment.volumes)).toHaveLength(3);
    expect(rows(overview.assessment.buckets).map((row) => row.approximateBytes)).toEqual([
      3 * 1024 ** 2,
      5 * 1024 ** 3,
      1024 ** 3,
    ]);
    expect(overview.assessment.meters).toContainEqual({
      label: "Ampere A1 OCPUs",
      used: 2,
      limit: 2,
      unit: "OCPU",
    });
    expect(overview.assessment.meters).toContainEqual({
      label: "Boot and block volumes",
      used: 150,
      limit: 200,
      unit: "GB",
    });

    const { text } = renderCloudView(overview);
    expect(text).toContain("This month: $0.00 — everything is Always Free");
    expect(text).not.toContain("this costs money");
    expect(text).toContain("Oracle's usage report for this month so far: $0.00");

    // Every call was signed with the registered key; lists were paged (two items a page).
    expect(world.api.requests.filter((request) => request.refused)).toEqual([]);
    const paths = world.api.requests.map((request) => `${request.method} ${request.path}`);
    expect(new Set(paths)).toEqual(
      new Set([
        "GET /20160918/instances",
        "GET /20160918/bootVolumes",
        "GET /20160918/volumes",
        "GET /n",
        "GET /n/foundrytest/b",
        "GET /n/foundrytest/b/tfstate",
        "GET /n/foundrytest/b/backups",
        "GET /n/foundrytest/b/media",
        "GET /20170115/loadBalancers",
        "POST /20200107/usage",
      ]),
    );
    expect(paths.filter((path) => path === "GET /20160918/instances")).toHaveLength(2);
  });

  it("flags a paid shape in red with its estimated monthly cost", async () => {
    const tenancy = freeOnlyTenancy();
    tenancy.instances.push(instance("builder", "VM.Standard.E4.Flex", 2, 16, 5));
    tenancy.costs = [{ computedAmount: 12.34, currency: "USD" }];
    world = await createOciWorld(tenancy);
    const overview = ready(await buildCloudOverview(world.settings()));

    const builder = rows(overview.assessment.instances).find((row) => row.name === "builder");
    expect(builder?.charge).toMatchObject({
      costsMoney: true,
      reason: "VM.Standard.E4.Flex is not an Always Free shape",
    });
    // (2 OCPU × $0.025 + 16 GB × $0.0015) × 744 h
    expect(builder?.charge.costsMoney && builder.charge.monthlyUsd).toBeCloseTo(55.056, 3);
    expect(overview.assessment).toMatchObject({ flagged: 1, complete: true });

    const { text, html } = renderCloudView(overview);
    expect(text).toContain("This month: about $55.06 — 1 item costs money");
    expect(text).toContain("this costs money ≈ $55.06/month");
    expect(html).toContain("text-red-700");
    expect(text).toContain("Oracle's usage report for this month so far: $12.34");
  });

  it("flags Ampere A1 beyond the free OCPUs and memory, volumes beyond 200 GB and a second load balancer", async () => {
    const tenancy = freeOnlyTenancy();
    tenancy.instances.push(instance("worker-a1-2", "VM.Standard.A1.Flex", 2, 12, 6));
    tenancy.volumes.push(volume("big", 100, 6));
    tenancy.loadBalancers.push(loadBalancer("second", 10, 6));
    world = await createOciWorld(tenancy);
    const overview = ready(await buildCloudOverview(world.settings()));

    const a1 = rows(overview.assessment.instances).filter(
      (row) => row.shape === "VM.Standard.A1.Flex",
    );
    expect(a1.map((row) => row.charge.costsMoney)).toEqual([false, true]);
    expect(a1[1]?.charge).toMatchObject({
      reason: expect.stringContaining("2 OCPU and 12 GB over"),
    });
    // (2 × $0.01 + 12 × $0.0015) × 744 h
    expect(a1[1]?.charge.costsMoney && a1[1].charge.monthlyUsd).toBeCloseTo(28.272, 3);

    const big = rows(overview.assessment.volumes).find((row) => row.name === "big");
    expect(big?.charge).toMatchObject({
      costsMoney: true,
      reason: expect.stringContaining("50 GB over"),
    });
    const second = rows(overview.assessment.loadBalancers).find((row) => row.name === "second");
    expect(second?.charge).toMatchObject({ costsMoney: true });
    expect(overview.assessment.flagged).toBe(3);
    expect(overview.assessment.meters).toContainEqual({
      label: "Ampere A1 OCPUs",
      used: 4,
      limit: 2,
      unit: "OCPU",
    });

    expect(renderCloudView(overview).text).toContain("4 of 2 OCPU — over the limit");
  });

  it("says plainly when Oracle refuses the signature of a wrong key, and shows no key material", async () => {
    world = await createOciWorld(freeOnlyTenancy(), { signWith: "other-key" });
    const overview = ready(await buildCloudOverview(world.settings()));

    expect(overview.assessment.instances).toEqual({
      ok: false,
      error: expect.stringContaining("did not accept the request signature (401 NotAuthenticated)"),
    });
    expect(overview.assessment.complete).toBe(false);
    expect(world.api.requests.length).toBeGreaterThan(0);
    expect(world.api.requests.every((request) => request.status === 401)).toBe(true);
    expect(world.api.requests[0]?.refused).toBe(
      "signature does not verify with the registered public key",
    );

    const { html, text } = renderCloudView(overview);
    expect(text).toContain("Check the user, fingerprint and key_file of the profile");
    expect(html).not.toMatch(/PRIVATE KEY|BEGIN/);
  });

  it("shows one failing call's own error while the other sections still render", async () => {
    world = await createOciWorld(freeOnlyTenancy());
    world.api.failPath("/20170115/loadBalancers", 500);
    const overview = ready(await buildCloudOverview(world.settings()));

    expect(overview.assessment.loadBalancers).toEqual({
      ok: false,
      error: "Listing load balancers: Oracle Cloud answered 500 InternalError: Injected failure",
    });
    expect(rows(overview.assessment.instances)).toHaveLength(2);
    const { text } = renderCloudView(overview);
    expect(text).toContain("some calls failed");
    expect(text).toContain("Listing load balancers: Oracle Cloud answered 500");
  });

  it("reads the compartment OCI_COMPARTMENT_ID names, and says when it is not allowed", async () => {
    world = await createOciWorld(freeOnlyTenancy());
    const other = "ocid1.compartment.oc1..aaaaaaaaothercompartment";
    const overview = ready(await buildCloudOverview(world.settings({ OCI_COMPARTMENT_ID: other })));
    expect(overview.compartmentId).toBe(other);
    expect(overview.assessment.instances).toEqual({
      ok: false,
      error: expect.stringContaining("not allowed or not found (404 NotAuthorizedOrNotFound)"),
    });
  });
});
