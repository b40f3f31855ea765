import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { kustomizationResources } from "@/lib/manifests/kustomization-resources";
import { powerServer } from "@/lib/servers/power";
import { registerServer } from "@/lib/servers/register";
import { createValidator } from "@/tests/platform/lib/validator";
import { createServerWorld, operator, serverInput, viewer, type ServerWorld } from "./server-world";

const jobs = "manifests/tinkerbell/bmc-jobs";
const withBmc = serverInput({
  name: "rack1-node4",
  hostname: "rack1-node4.lab.example",
  interfaces: [{ mode: "dhcp", mac: "AA-BB-CC-DD-EE-04" }],
  bmc: { address: "10.0.9.4", secretName: "bmc-rack1-node4" },
});

describe("BMC power and boot actions as commits of Rufio Jobs", () => {
  let world: ServerWorld;
  const validator = createValidator();
  beforeAll(async () => {
    world = await createServerWorld();
    await registerServer({ actor: operator, input: withBmc }, world.deps());
    await registerServer({ actor: operator, input: serverInput() }, world.deps());
  });
  afterAll(async () => world?.close());

  const committedFiles = async () =>
    (await world.remoteGit(["show", "--no-renames", "--name-status", "--format=", "main"]))
      .trim()
      .split("\n");

  it("commits a Job the pinned Rufio accepts, listed in its folder, with the person as author", async () => {
    const done = await powerServer(
      { actor: operator, input: { name: "rack1-node4", action: "power-cycle" } },
      world.deps(),
    );
    expect(done).toMatchObject({ kind: "committed", committed: true });
    const text = (await world.remoteFile(`${jobs}/rack1-node4-bmc-1.yaml`)) ?? "";
    const job: unknown = parse(text);
    expect(validator.validate(job, "bmc.tinkerbell.org/v1alpha1", "Job")).toEqual([]);
    expect(job).toMatchObject({
      metadata: { name: "rack1-node4-bmc-1", namespace: "tinkerbell" },
      spec: {
        machineRef: { name: "rack1-node4", namespace: "tinkerbell" },
        tasks: [{ powerAction: "cycle" }],
      },
    });
    expect(
      kustomizationResources((await world.remoteFile(`${jobs}/kustomization.yaml`)) ?? ""),
    ).toEqual(["rack1-node4-bmc-1.yaml"]);
    const author = await world.remoteGit(["log", "-1", "--format=%an <%ae>%n%B", "main"]);
    expect(author).toContain(operator.name);
    expect(author).toContain("Foundry-Action: bmc-power-cycle");
  });

  it("replaces the server's earlier Job in the same commit, so Git holds one a server", async () => {
    await powerServer(
      { actor: operator, input: { name: "rack1-node4", action: "netboot-next" } },
      world.deps(),
    );
    expect((await committedFiles()).sort()).toEqual(
      [
        `A\t${jobs}/rack1-node4-bmc-2.yaml`,
        `D\t${jobs}/rack1-node4-bmc-1.yaml`,
        `M\t${jobs}/kustomization.yaml`,
      ].sort(),
    );
    const job: unknown = parse((await world.remoteFile(`${jobs}/rack1-node4-bmc-2.yaml`)) ?? "");
    expect(job).toMatchObject({
      spec: { tasks: [{ oneTimeBootDeviceAction: { device: ["pxe"], efiBoot: true } }] },
    });
  });

  it("a preview shows the diff and the consequence; its commit is exactly that diff", async () => {
    const preview = await powerServer(
      { actor: operator, input: { name: "rack1-node4", action: "power-off" }, preview: true },
      world.deps(),
    );
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(preview.consequences.join(" ")).toMatch(/powered off .* without shutting down/);
    expect(preview.diff).toContain("+    - powerAction: off");
    const done = await powerServer(
      {
        actor: operator,
        input: { name: "rack1-node4", action: "power-off", previewDigest: preview.digest },
      },
      world.deps(),
    );
    expect(done).toMatchObject({ kind: "committed", diff: preview.diff });
  });

  it("adds the folder to a fork whose tree predates it, in the preview as in the commit", async () => {
    await world.pushByHand(
      "manifests/tinkerbell/kustomization.yaml",
      "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources:\n  - hardware\n  - templates\n  - workflows\n",
    );
    const input = { name: "rack1-node4", action: "power-on" };
    const preview = await powerServer({ actor: operator, input, preview: true }, world.deps());
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(preview.diff).toContain("+  - bmc-jobs");
    await powerServer(
      { actor: operator, input: { ...input, previewDigest: preview.digest } },
      world.deps(),
    );
    expect(
      kustomizationResources(
        (await world.remoteFile("manifests/tinkerbell/kustomization.yaml")) ?? "",
      ),
    ).toContain("bmc-jobs");
  });

  it("refuses a server with no BMC, an unknown server, an unknown action and a viewer, committing nothing", async () => {
    const head = await world.head();
    await expect(
      powerServer(
        { actor: operator, input: { name: "rack1-node3", action: "power-on" } },
        world.deps(),
      ),
    ).rejects.toThrow(ConflictError);
    await expect(
      powerServer(
        { actor: operator, input: { name: "rack9-none", action: "power-on" } },
        world.deps(),
      ),
    ).rejects.toThrow(/no server named rack9-none/);
    await expect(
      powerServer(
        { actor: operator, input: { name: "rack1-node4", action: "explode" } },
        world.deps(),
      ),
    ).rejects.toThrow(InvalidError);
    await expect(
      powerServer(
        { actor: viewer, input: { name: "rack1-node4", action: "power-on" } },
        world.deps(),
      ),
    ).rejects.toThrow(ForbiddenError);
    expect(await world.head()).toBe(head);
  });
});
