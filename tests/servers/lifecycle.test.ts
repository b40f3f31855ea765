import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConflictError, ForbiddenError, InvalidError } from "@/lib/errors";
import { templateDataSchema } from "@/lib/manifests/template";
import { kustomizationResources } from "@/lib/manifests/kustomization-resources";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { decommissionServer } from "@/lib/servers/decommission";
import { editServer } from "@/lib/servers/edit";
import { getServer } from "@/lib/servers/get-server";
import { listServers } from "@/lib/servers/list-servers";
import { provisionServer } from "@/lib/servers/provision";
import { registerServer } from "@/lib/servers/register";
import { reprovisionServer } from "@/lib/servers/reprovision";
import { createValidator } from "@/tests/platform/lib/validator";
import { parse } from "yaml";
import { claimReferences, renderTemplate } from "@/tests/support/tink-render";
import { createServerWorld, operator, serverInput, viewer, type ServerWorld } from "./server-world";

const hardwarePath = "manifests/tinkerbell/hardware/rack1-node3.yaml";

describe("a server's life: register, edit, provision, reprovision, decommission", () => {
  let world: ServerWorld;
  const validator = createValidator();
  beforeAll(async () => {
    world = await createServerWorld();
    await registerServer({ actor: operator, input: serverInput() }, world.deps());
  });
  afterAll(async () => world?.close());

  it("edits only the managed fields: a person's comments and unknown fields stay", async () => {
    const original = (await world.remoteFile(hardwarePath)) ?? "";
    const annotated = original
      .replace("kind: Hardware\n", "kind: Hardware\n# racked by Grace, 2026-11-02\n")
      .replace("spec:\n", "spec:\n  tinkVersion: 1 # kept by hand\n");
    await world.pushByHand(hardwarePath, annotated);
    const done = await editServer(
      { actor: operator, input: serverInput({ hostname: "node3.lab.example", rack: "rack2" }) },
      world.deps(),
    );
    expect(done.kind).toBe("committed");
    const text = (await world.remoteFile(hardwarePath)) ?? "";
    expect(text).toContain("# racked by Grace, 2026-11-02");
    expect(text).toContain("tinkVersion: 1 # kept by hand");
    expect(text).toContain("hostname: node3.lab.example");
    expect(text).toContain("foundry.metal/rack: rack2");
    expect(
      validator.validate(readYamlObjects(text)[0], "tinkerbell.org/v1alpha1", "Hardware"),
    ).toEqual([]);
    const files = await world.remoteGit(["show", "--name-only", "--format=", "main"]);
    expect(files.trim()).toBe(hardwarePath);
  });

  it("makes no commit when an edit changes nothing, and leaves the file byte for byte", async () => {
    const before = await world.remoteFile(hardwarePath);
    const head = await world.head();
    const done = await editServer(
      { actor: operator, input: serverInput({ hostname: "node3.lab.example", rack: "rack2" }) },
      world.deps(),
    );
    expect(done).toMatchObject({ kind: "committed", committed: false });
    expect(await world.head()).toBe(head);
    expect(await world.remoteFile(hardwarePath)).toBe(before);
  });

  it("refuses a template the server's architecture cannot run and parameters of the wrong type", async () => {
    const head = await world.head();
    const bad = [
      { parameters: { image_url: "ftp://mirror/x.img" } },
      { parameters: { image_url: "https://x/{{ .evil }}" } },
      { parameters: { timezone: "Europe/Paris\n---\nkind: Secret" } },
      { parameters: { nope: "1" } },
      { template: "windows-11" },
    ];
    for (const change of bad) {
      await expect(
        provisionServer(
          { actor: operator, input: { name: "rack1-node3", template: "ubuntu-2404", ...change } },
          world.deps(),
        ),
      ).rejects.toBeInstanceOf(InvalidError);
    }
    await expect(
      provisionServer(
        { actor: operator, input: { name: "rack1-node3", template: "flatcar" } },
        world.deps(),
      ),
    ).rejects.toThrow(/Some template parameters need attention/);
    expect(await world.head()).toBe(head);
  });

  it("provisions with Ubuntu: a Workflow the CRD accepts, allowWorkflow on, one commit", async () => {
    const done = await provisionServer(
      {
        actor: operator,
        input: {
          name: "rack1-node3",
          template: "ubuntu-2404",
          parameters: { timezone: "Europe/Amsterdam" },
        },
      },
      world.deps(),
    );
    if (done.kind !== "committed") throw new Error("expected a commit");
    const files = (await world.remoteGit(["show", "--name-only", "--format=", done.sha]))
      .trim()
      .split("\n")
      .sort();
    expect(files).toEqual([
      hardwarePath,
      "manifests/tinkerbell/workflows/kustomization.yaml",
      "manifests/tinkerbell/workflows/rack1-node3-1.yaml",
    ]);
    const [workflow] = readYamlObjects(
      (await world.remoteFile("manifests/tinkerbell/workflows/rack1-node3-1.yaml")) ?? "",
    );
    expect(validator.validate(workflow, "tinkerbell.org/v1alpha1", "Workflow")).toEqual([]);
    expect(workflow).toMatchObject({
      metadata: {
        name: "rack1-node3-1",
        labels: { "foundry.metal/server": "rack1-node3", "foundry.metal/generation": "1" },
      },
      spec: {
        templateRef: "ubuntu-2404",
        hardwareRef: "rack1-node3",
        bootOptions: { toggleAllowNetboot: true },
        hardwareMap: {
          device_1: "aa:bb:cc:dd:ee:01",
          install_disk: "/dev/sda",
          network_mode: "static",
          ip_cidr: "10.0.1.13/24",
          gateway: "10.0.1.1",
          name_servers: "10.0.1.1,1.1.1.1",
          timezone: "Europe/Amsterdam",
          image_url: expect.stringContaining("amd64.img"),
        },
      },
    });
    const hardware = readYamlObjects((await world.remoteFile(hardwarePath)) ?? "")[0];
    expect(hardware).toMatchObject({
      spec: { interfaces: [{ netboot: { allowPXE: false, allowWorkflow: true } }] },
    });
    await expect(
      provisionServer(
        { actor: operator, input: { name: "rack1-node3", template: "ubuntu-2404" } },
        world.deps(),
      ),
    ).rejects.toBeInstanceOf(ConflictError);
  });

  it("renders the committed Ubuntu template with the Workflow's values into a valid workflow definition", async () => {
    const [workflow] = readYamlObjects(
      (await world.remoteFile("manifests/tinkerbell/workflows/rack1-node3-1.yaml")) ?? "",
    ) as { spec: { hardwareMap: Record<string, string> } }[];
    const [template] = readYamlObjects(
      (await world.remoteFile("manifests/tinkerbell/templates/ubuntu-2404.yaml")) ?? "",
    ) as { spec: { data: string } }[];
    const rendered = parse(
      renderTemplate(template?.spec.data ?? "", workflow?.spec.hardwareMap ?? {}, {
        references: claimReferences(),
      }),
    );
    const data = templateDataSchema.parse(rendered);
    const netplan =
      data.tasks[0]?.actions.find((action) => action.name === "write-netplan")?.environment
        ?.CONTENTS ?? "";
    expect(parse(netplan)).toEqual({
      network: {
        version: 2,
        ethernets: {
          primary: {
            match: { macaddress: "aa:bb:cc:dd:ee:01" },
            addresses: ["10.0.1.13/24"],
            routes: [{ to: "default", via: "10.0.1.1" }],
            nameservers: { addresses: ["10.0.1.1", "1.1.1.1"] },
          },
        },
      },
    });
    const userData =
      data.tasks[0]?.actions.find((action) => action.name === "write-cloud-init-user-data")
        ?.environment?.CONTENTS ?? "";
    expect(userData).toContain('K3S_TOKEN="$(field k3sToken)"');
    expect(JSON.stringify(data)).not.toMatch(/tskey-|K10[0-9a-f]{20}/);
  });

  it("lists the server from Git with its state, and shows its detail", async () => {
    const deps = world.deps();
    const list = await listServers({ actor: viewer, input: { state: "provisioned" } }, deps, {
      refresh: true,
    });
    expect(list.rows.map((row) => row.name)).toEqual(["rack1-node3"]);
    expect(list.rows[0]?.workflow?.template).toBe("ubuntu-2404");
    const detail = await getServer({ actor: viewer, input: { name: "rack1-node3" } }, deps);
    // A name typed into the URL that the console could never have written is no server at all.
    expect(
      await getServer({ actor: viewer, input: { name: "Rack1-Node3" } }, deps),
    ).toBeUndefined();
    expect(detail?.file).toContain("kind: Hardware");
    expect(detail?.catalog.templates.map((entry) => entry.template).sort()).toEqual([
      "flatcar",
      "gold-image",
      "talos",
      "ubuntu-2404",
    ]);
  });

  it("reprovisions as a new generation that replaces the old one in the same commit, after the name is typed", async () => {
    const head = await world.head();
    await expect(
      reprovisionServer(
        {
          actor: operator,
          input: { name: "rack1-node3", template: "ubuntu-2404", confirmName: "rack1-node" },
        },
        world.deps(),
      ),
    ).rejects.toBeInstanceOf(InvalidError);
    await expect(
      reprovisionServer(
        {
          actor: viewer,
          input: { name: "rack1-node3", template: "ubuntu-2404", confirmName: "rack1-node3" },
        },
        world.deps(),
      ),
    ).rejects.toBeInstanceOf(ForbiddenError);
    expect(await world.head()).toBe(head);
    const preview = await reprovisionServer(
      {
        actor: operator,
        input: { name: "rack1-node3", template: "ubuntu-2404", confirmName: "rack1-node3" },
        preview: true,
      },
      world.deps(),
    );
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(preview.consequences.join(" ")).toContain(
      "The disk /dev/sda of rack1-node3 will be erased",
    );
    const done = await reprovisionServer(
      {
        actor: operator,
        input: {
          name: "rack1-node3",
          template: "ubuntu-2404",
          confirmName: "rack1-node3",
          previewDigest: preview.digest,
        },
      },
      world.deps(),
    );
    if (done.kind !== "committed") throw new Error("expected a commit");
    const status = await world.remoteGit([
      "show",
      "--no-renames",
      "--name-status",
      "--format=",
      done.sha,
    ]);
    expect(status).toContain("D\tmanifests/tinkerbell/workflows/rack1-node3-1.yaml");
    expect(status).toContain("A\tmanifests/tinkerbell/workflows/rack1-node3-2.yaml");
    const resources = kustomizationResources(
      (await world.remoteFile("manifests/tinkerbell/workflows/kustomization.yaml")) ?? "",
    );
    expect(resources).toEqual(["rack1-node3-2.yaml"]);
    expect(world.reprovisionRevoked).toEqual(["rack1-node3"]);
  });

  it("decommissions: the files and their kustomization entries go, tokens are revoked", async () => {
    await expect(
      decommissionServer(
        { actor: operator, input: { name: "rack1-node3", confirmName: "nope" } },
        world.deps(),
      ),
    ).rejects.toBeInstanceOf(InvalidError);
    const done = await decommissionServer(
      { actor: operator, input: { name: "rack1-node3", confirmName: "rack1-node3" } },
      world.deps(),
    );
    expect(done.kind).toBe("committed");
    expect(await world.remoteFile(hardwarePath)).toBeUndefined();
    expect(
      await world.remoteFile("manifests/tinkerbell/workflows/rack1-node3-2.yaml"),
    ).toBeUndefined();
    expect(
      kustomizationResources(
        (await world.remoteFile("manifests/tinkerbell/hardware/kustomization.yaml")) ?? "",
      ),
    ).toEqual([]);
    expect(
      kustomizationResources(
        (await world.remoteFile("manifests/tinkerbell/workflows/kustomization.yaml")) ?? "",
      ),
    ).toEqual([]);
    expect(world.revoked).toEqual(["rack1-node3"]);
  });
});
