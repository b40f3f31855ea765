import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError } from "@/lib/errors";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { editServer } from "@/lib/servers/edit";
import { getServer } from "@/lib/servers/get-server";
import { registerServer } from "@/lib/servers/register";
import { createValidator } from "@/tests/platform/lib/validator";
import { createServerWorld, operator, serverInput, viewer, type ServerWorld } from "./server-world";

describe("registerServer against a loopback Git server", () => {
  let world: ServerWorld;
  const validator = createValidator();
  beforeAll(async () => {
    world = await createServerWorld();
  });
  afterAll(async () => world?.close());

  it("previews the exact diff, then commits it with the person as author and the trailers", async () => {
    const deps = world.deps();
    const before = await world.head();
    const preview = await registerServer(
      { actor: operator, input: serverInput(), preview: true },
      deps,
    );
    expect(preview.kind).toBe("preview");
    if (preview.kind !== "preview") return;
    expect(await world.head()).toBe(before);
    expect(preview.diff).toContain("+++ b/manifests/tinkerbell/hardware/rack1-node3.yaml");
    expect(preview.diff).toContain("+  - rack1-node3.yaml");

    const done = await registerServer(
      { actor: operator, input: { ...serverInput(), previewDigest: preview.digest } },
      deps,
    );
    expect(done.kind).toBe("committed");
    if (done.kind !== "committed") return;
    expect(done.diff).toBe(preview.diff);
    const [commit] = await world.remoteLog();
    expect(commit?.sha).toBe(done.sha);
    expect(commit?.author).toBe("Olga Operator <olga@example.test>");
    expect(commit?.message).toContain("servers: register rack1-node3 (aa:bb:cc:dd:ee:01)");
    expect(commit?.message).toContain("Foundry-Action: register-server");
    expect(commit?.requestIds).toEqual([done.requestId]);
    expect(world.audit.get(done.requestId)?.outcome).toMatchObject({
      status: "succeeded",
      commitSha: done.sha,
    });
    const diffStat = await world.remoteGit(["show", "--name-only", "--format=", done.sha]);
    expect(diffStat.trim().split("\n").sort()).toEqual([
      "manifests/tinkerbell/hardware/kustomization.yaml",
      "manifests/tinkerbell/hardware/rack1-node3.yaml",
    ]);
  });

  it("writes Hardware that the upstream CRD schema accepts, with the MAC normalised", async () => {
    const text = (await world.remoteFile("manifests/tinkerbell/hardware/rack1-node3.yaml")) ?? "";
    const [hardware] = readYamlObjects(text);
    expect(validator.validate(hardware, "tinkerbell.org/v1alpha1", "Hardware")).toEqual([]);
    expect(hardware).toMatchObject({
      metadata: {
        name: "rack1-node3",
        namespace: "tinkerbell",
        labels: { "foundry.metal/site": "ams1", "foundry.metal/rack": "rack1" },
      },
      spec: {
        disks: [{ device: "/dev/sda" }],
        interfaces: [
          {
            dhcp: {
              mac: "aa:bb:cc:dd:ee:01",
              hostname: "rack1-node3.lab.example",
              arch: "x86_64",
              uefi: true,
              ip: {
                address: "10.0.1.13",
                netmask: "255.255.255.0",
                gateway: "10.0.1.1",
                family: 4,
              },
              name_servers: ["10.0.1.1", "1.1.1.1"],
            },
            netboot: { allowPXE: false, allowWorkflow: false },
          },
        ],
      },
    });
  });

  it("writes a BMC as Rufio's Machine in the same file, pointing at the Secret", async () => {
    const done = await registerServer(
      {
        actor: operator,
        input: serverInput({
          name: "rack1-node4",
          hostname: "rack1-node4",
          interfaces: [{ mode: "dhcp", mac: "aabb.ccdd.ee04" }],
          bmc: { address: "10.0.9.4", secretName: "bmc-rack1-node4" },
        }),
      },
      world.deps(),
    );
    expect(done.kind).toBe("committed");
    const objects = readYamlObjects(
      (await world.remoteFile("manifests/tinkerbell/hardware/rack1-node4.yaml")) ?? "",
    );
    expect(objects).toHaveLength(2);
    expect(validator.validate(objects[0], "tinkerbell.org/v1alpha1", "Hardware")).toEqual([]);
    expect(validator.validate(objects[1], "bmc.tinkerbell.org/v1alpha1", "Machine")).toEqual([]);
    expect(objects[1]).toMatchObject({
      spec: { connection: { host: "10.0.9.4", authSecretRef: { name: "bmc-rack1-node4" } } },
    });
    expect(objects[0]).toMatchObject({
      spec: { bmcRef: { kind: "Machine", name: "rack1-node4" } },
    });
  });

  it("writes a BMC's Redfish port and basic auth where Rufio reads them, and an edit changes them", async () => {
    const bmc = { address: "10.0.9.5", secretName: "bmc-rack1-node5" };
    const input = (extra: Record<string, unknown>) =>
      serverInput({
        name: "rack1-node5",
        hostname: "rack1-node5",
        interfaces: [{ mode: "dhcp", mac: "aabb.ccdd.ee05" }],
        bmc: { ...bmc, ...extra },
      });
    const path = "manifests/tinkerbell/hardware/rack1-node5.yaml";
    const machineOf = async () =>
      readYamlObjects((await world.remoteFile(path)) ?? "").find(
        (object) => (object as { kind?: string }).kind === "Machine",
      );

    // The form sends the port as the text typed into it.
    await registerServer(
      { actor: operator, input: input({ port: "8443", basicAuth: true }) },
      world.deps(),
    );
    const machine = await machineOf();
    expect(validator.validate(machine, "bmc.tinkerbell.org/v1alpha1", "Machine")).toEqual([]);
    expect(machine).toMatchObject({
      spec: {
        connection: {
          host: "10.0.9.5",
          providerOptions: { redfish: { port: 8443, useBasicAuth: true } },
        },
      },
    });
    expect(
      (await getServer({ actor: viewer, input: { name: "rack1-node5" } }, world.deps()))?.server
        .bmc,
    ).toEqual({
      ...bmc,
      port: 8443,
      basicAuth: true,
    });

    await editServer(
      { actor: operator, input: input({ port: "", basicAuth: false }) },
      world.deps(),
    );
    const edited = await machineOf();
    expect(validator.validate(edited, "bmc.tinkerbell.org/v1alpha1", "Machine")).toEqual([]);
    expect(JSON.stringify(edited)).not.toContain("providerOptions");
    expect(edited).toMatchObject({ spec: { connection: { host: "10.0.9.5" } } });
  });

  it("refuses duplicates of a name, a MAC or an IP anywhere in the repository, naming the field", async () => {
    const head = await world.head();
    const cases = [
      [serverInput({ interfaces: [{ mode: "dhcp", mac: "02:00:00:00:00:99" }] }), "name"],
      [
        serverInput({ name: "other", interfaces: [{ mode: "dhcp", mac: "AA:BB:CC:DD:EE:01" }] }),
        "interfaces.0.mac",
      ],
      [
        serverInput({
          name: "other",
          interfaces: [
            {
              mode: "static",
              mac: "02:00:00:00:00:98",
              address: "10.0.1.13",
              netmask: "/24",
              gateway: "10.0.1.1",
            },
          ],
        }),
        "interfaces.0.address",
      ],
    ] as const;
    for (const [input, field] of cases) {
      const error = await registerServer({ actor: operator, input }, world.deps()).catch(
        (caught: unknown) => caught,
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect(Object.keys((error as { fields: object }).fields)).toContain(field);
    }
    expect(await world.head()).toBe(head);
  });

  it("refuses a viewer before anything else", async () => {
    const head = await world.head();
    await expect(
      registerServer({ actor: viewer, input: serverInput({ name: "x" }) }, world.deps()),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await world.head()).toBe(head);
  });

  it("refuses to commit when the repository moved and the diff is no longer the previewed one", async () => {
    const deps = world.deps();
    const input = serverInput({
      name: "rack2-node1",
      interfaces: [{ mode: "dhcp", mac: "02:00:00:00:21:01" }],
    });
    const preview = await registerServer({ actor: operator, input, preview: true }, deps);
    if (preview.kind !== "preview") throw new Error("expected a preview");
    await world.pushByHand(
      "manifests/tinkerbell/hardware/kustomization.yaml",
      "# changed by hand\n" +
        ((await world.remoteFile("manifests/tinkerbell/hardware/kustomization.yaml")) ?? ""),
    );
    await expect(
      registerServer({ actor: operator, input: { ...input, previewDigest: preview.digest } }, deps),
    ).rejects.toThrow(/changed since the preview/);
    const again = await registerServer({ actor: operator, input, preview: true }, deps);
    if (again.kind !== "preview") throw new Error("expected a preview");
    await expect(
      registerServer({ actor: operator, input: { ...input, previewDigest: again.digest } }, deps),
    ).resolves.toMatchObject({ kind: "committed" });
  });

  it("lets one of two people registering the same MAC at once win; the other gets a Conflict", async () => {
    const a = world.deps();
    const b = world.deps();
    const results = await Promise.allSettled([
      registerServer(
        {
          actor: operator,
          input: serverInput({
            name: "race-a",
            interfaces: [{ mode: "dhcp", mac: "02:00:00:00:77:77" }],
          }),
        },
        a,
      ),
      registerServer(
        {
          actor: operator,
          input: serverInput({
            name: "race-b",
            interfaces: [{ mode: "dhcp", mac: "02-00-00-00-77-77" }],
          }),
        },
        b,
      ),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const lost = results.find((result) => result.status === "rejected");
    expect(lost?.status === "rejected" ? lost.reason : undefined).toBeInstanceOf(ConflictError);
    const log = await world.remoteGit(["log", "--format=%s", "-3", "main"]);
    expect(log.match(/race-/g)).toHaveLength(1);
  });
});
