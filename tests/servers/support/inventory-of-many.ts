// Run by tests/servers/inventory-open-files.test.ts under a low open-file limit (prlimit): the
// inventory of a working tree holding `count` servers registered the way the console writes them.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { workingTree } from "./disk-tree";
import { renderHardwareFile } from "@/lib/servers/hardware-file";
import { readInventory } from "@/lib/servers/inventory";
import { hardwareFile } from "@/lib/servers/paths";
import { registerServerSchema } from "@/lib/servers/schema";

async function main(): Promise<void> {
  const count = Number(process.argv[2] ?? "0");
  const dir = await mkdtemp(path.join(tmpdir(), "foundry-inventory-"));
  const tree = workingTree(dir, "manifests");
  for (let i = 0; i < count; i++) {
    const mac = `02:00:00:${[i >> 16, (i >> 8) & 255, i & 255].map((b) => b.toString(16).padStart(2, "0")).join(":")}`;
    const spec = registerServerSchema.parse({
      name: `rack1-node${i}`,
      hostname: `rack1-node${i}`,
      arch: "x86_64",
      firmware: "uefi",
      installDisk: "/dev/sda",
      interfaces: [{ mode: "dhcp", mac }],
    });
    await tree.write(hardwareFile(spec.name), renderHardwareFile(spec));
  }
  const inventory = await readInventory(tree);
  await rm(dir, { recursive: true, force: true });
  console.log(
    JSON.stringify({ servers: inventory.servers.size, problems: inventory.problems.length }),
  );
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? `${error.name}: ${error.message}` : String(error));
  process.exit(1);
});
