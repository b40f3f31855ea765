import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { InvalidError } from "@/lib/errors";
import { templateDataSchema } from "@/lib/manifests/template";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { provisionServer } from "@/lib/servers/provision";
import { registerServer } from "@/lib/servers/register";
import { createValidator } from "@/tests/platform/lib/validator";
import { claimReferences, renderTemplate } from "@/tests/support/tink-render";
import { createServerWorld, operator, serverInput, type ServerWorld } from "./server-world";

/*
 * Boards as the console registers them (docs/servers/boards.md): arm64 UEFI with the disk the
 * gold image goes to. A Raspberry Pi 5 or Rock 5B with an NVMe HAT installs; a board whose only
 * disk is eMMC or SD cannot take a template that writes into a partition, because Tinkerbell's
 * formatPartition names no partition of /dev/mmcblk0.
 */
const pinned = "9f86d081884c7d659a2feb0a4b8c5ce8e3a2f8e1c1d1b3d6b0c0f1f3b2f7a1c3";
const goldParameters = {
  image_url: "https://images.example.test/fleet-arm64.img.xz",
  image_sha256: pinned,
};

const board = (name: string, installDisk: string, mac: string) =>
  serverInput({
    name,
    hostname: `${name}.lab.example`,
    arch: "aarch64",
    firmware: "uefi",
    installDisk,
    interfaces: [{ mode: "dhcp", mac }],
  });

describe("arm64 boards: registered, validated, provisioned with a gold image", () => {
  let world: ServerWorld;
  const validator = createValidator();
  beforeAll(async () => {
    world = await createServerWorld();
    await registerServer(
      { actor: operator, input: board("pi5-node1", "/dev/nvme0n1", "d8:3a:dd:00:00:01") },
      world.deps(),
    );
    await registerServer(
      { actor: operator, input: board("rock5b-emmc", "/dev/mmcblk0", "d8:3a:dd:00:00:02") },
      world.deps(),
    );
  });
  afterAll(async () => world?.close());

  it("writes Hardware for an arm64 UEFI board that the Tinkerbell CRD accepts", async () => {
    const text = (await world.remoteFile("manifests/tinkerbell/hardware/pi5-node1.yaml")) ?? "";
    const [hardware] = readYamlObjects(text);
    expect(validator.validate(hardware, "tinkerbell.org/v1alpha1", "Hardware")).toEqual([]);
    expect(text).toContain("arch: aarch64");
    expect(text).toContain("uefi: true");
    expect(text).toContain("device: /dev/nvme0n1");
  });

  it("refuses a pinned digest that is not a SHA-256", async () => {
    await expect(
      provisionServer(
        {
          actor: operator,
          input: {
            name: "pi5-node1",
            template: "gold-image",
            parameters: { ...goldParameters, image_sha256: "d41d8cd98f00b204e9800998ecf8427e" },
          },
        },
        world.deps(),
      ),
    ).rejects.toMatchObject({
      fields: { "parameters.image_sha256": [expect.stringContaining("64 hexadecimal digits")] },
    });
  });

  it("provisions the NVMe board with the gold image: the seed goes to the partition named, as Tinkerbell renders it", async () => {
    const done = await provisionServer(
      {
        actor: operator,
        input: {
          name: "pi5-node1",
          template: "gold-image",
          parameters: { ...goldParameters, image_sha256: `sha256:${pinned.toUpperCase()}` },
        },
      },
      world.deps(),
    );
    if (done.kind !== "committed") throw new Error("expected a commit");
    const workflowText =
      (await world.remoteFile("manifests/tinkerbell/workflows/pi5-node1-1.yaml")) ?? "";
    const [workflow] = readYamlObjects(workflowText) as {
      spec: { hardwareMap: Record<string, string> };
    }[];
    expect(validator.validate(workflow, "tinkerbell.org/v1alpha1", "Workflow")).toEqual([]);
    const hardwareMap = workflow?.spec.hardwareMap ?? {};
    expect(hardwareMap).toMatchObject({
      image_sha256: pinned,
      image_format: "xz",
      root_partition: "2",
      install_disk: "/dev/nvme0n1",
    });
    const templateText =
      (await world.remoteFile("manifests/tinkerbell/templates/gold-image.yaml")) ?? "";
    const [template] = readYamlObjects(templateText) as { spec: { data: string } }[];
    const data = templateDataSchema.parse(
      parse(
        renderTemplate(template?.spec.data ?? "", hardwareMap, { references: claimReferences() }),
      ),
    );
    const actions = data.tasks[0]?.actions ?? [];
    expect(actions.map((action) => action.name).slice(0, 2)).toEqual([
      "write-image",
      "verify-image-checksum",
    ]);
    expect(actions[0]?.environment?.DEST_DISK).toBe("/dev/nvme0n1");
    const seed = actions.find((action) => action.name === "write-cloud-init-user-data");
    expect(seed?.environment?.DEST_DISK).toBe("/dev/nvme0n1p2");
    expect(actions.at(-1)?.name).toBe("reboot-into-disk");
  });

  it("refuses a partition-writing template on an eMMC board, and says what would work", async () => {
    const head = await world.head();
    const attempt = provisionServer(
      {
        actor: operator,
        input: { name: "rock5b-emmc", template: "gold-image", parameters: goldParameters },
      },
      world.deps(),
    );
    await expect(attempt).rejects.toBeInstanceOf(InvalidError);
    await expect(attempt).rejects.toMatchObject({
      fields: { template: [expect.stringContaining("cannot install to /dev/mmcblk0")] },
    });
    expect(await world.head()).toBe(head);
    // Talos only streams a whole image, which needs no partition name.
    const talos = await provisionServer(
      { actor: operator, input: { name: "rock5b-emmc", template: "talos" } },
      world.deps(),
    );
    expect(talos.kind).toBe("committed");
  });
});
