import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidError } from "@/lib/errors";
import { kustomizationResources } from "@/lib/manifests/kustomization-resources";
import { bulkRegisterServers } from "@/lib/servers/bulk-register";
import { parseCsv } from "@/lib/servers/csv";
import { registerServer } from "@/lib/servers/register";
import { createServerWorld, operator, serverInput, viewer, type ServerWorld } from "./server-world";

const header = "name,hostname,mac,ip,netmask,gateway,dns,arch,firmware,disk,site,rack";
const row = (i: number) =>
  `node-${i},node-${i}.lab,02:00:00:01:${(i >> 8).toString(16).padStart(2, "0")}:${(i & 255).toString(16).padStart(2, "0")},10.1.${Math.floor(i / 200)}.${(i % 200) + 1},/16,10.1.255.254,"1.1.1.1, 8.8.8.8",x86_64,UEFI,/dev/nvme0n1,ams1,rack${i % 10}`;

describe("bulk register from CSV", () => {
  let world: ServerWorld;
  beforeAll(async () => {
    world = await createServerWorld();
    await registerServer(
      {
        actor: operator,
        input: serverInput({
          name: "already-here",
          interfaces: [{ mode: "dhcp", mac: "02:00:00:0f:0f:0f" }],
        }),
      },
      world.deps(),
    );
  });
  afterAll(async () => world?.close());

  it("parses quoted fields, commas and newlines in quotes, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFa,b\r\n"x, y","say ""hi"""\r\n"multi\nline",z\n')).toEqual([
      ["a", "b"],
      ["x, y", 'say "hi"'],
      ["multi\nline", "z"],
    ]);
  });

  it("commits every valid row in one commit and reports each invalid row with its fields", async () => {
    const csv = [
      header,
      row(1),
      row(2),
      "bad/name,x,02:00:00:02:00:01,,,,,,,,,",
      "dup-mac,x,02:00:00:0F:0F:0F,,,,,,,,,",
      "node-1,x,02:00:00:02:00:03,,,,,,,,,",
      'yaml,"host\n---",02:00:00:02:00:04,,,,,,,,,',
    ].join("\n");
    const head = await world.head();
    const preview = await bulkRegisterServers(
      { actor: operator, input: { csv }, preview: true },
      world.deps(),
    );
    expect(await world.head()).toBe(head);
    expect(preview.registered).toEqual(["node-1", "node-2"]);
    if (preview.kind !== "preview") throw new Error("expected a preview");
    const done = await bulkRegisterServers(
      { actor: operator, input: { csv, previewDigest: preview.digest } },
      world.deps(),
    );
    expect(done.kind).toBe("committed");
    expect(done.registered).toEqual(["node-1", "node-2"]);
    expect(done.refused.map((report) => [report.row, Object.keys(report.fields)])).toEqual([
      [4, ["name"]],
      [5, ["interfaces.0.mac"]],
      [6, ["name"]],
      [7, ["hostname"]],
    ]);
    expect((await world.remoteLog()).length).toBe((await world.remoteLog(head)).length + 1);
  });

  it("commits nothing when all-or-nothing was asked and a row is invalid", async () => {
    const head = await world.head();
    const csv = [header, row(10), "bad/name,x,02:00:00:02:00:11,,,,,,,,,"].join("\n");
    const error = await bulkRegisterServers(
      { actor: operator, input: { csv, allOrNothing: true } },
      world.deps(),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InvalidError);
    expect(Object.keys(error instanceof InvalidError ? error.fields : {})).toEqual(["rows.3"]);
    expect(await world.head()).toBe(head);
  });

  it("refuses unknown columns and viewers", async () => {
    await expect(
      bulkRegisterServers(
        { actor: operator, input: { csv: "name,mac,colour\nx,02:00:00:00:00:01,red" } },
        world.deps(),
      ),
    ).rejects.toThrow(/No row/);
    await expect(
      bulkRegisterServers({ actor: viewer, input: { csv: `${header}\n${row(50)}` } }, world.deps()),
    ).rejects.toThrow(/operator/);
  });

  it("registers 200 rows as one commit", async () => {
    const csv = [header, ...Array.from({ length: 200 }, (_, i) => row(100 + i))].join("\n");
    const started = performance.now();
    const done = await bulkRegisterServers(
      { actor: operator, input: { csv, allOrNothing: true } },
      world.deps(),
    );
    const seconds = (performance.now() - started) / 1000;
    expect(done.registered).toHaveLength(200);
    const files = (await world.remoteGit(["show", "--name-only", "--format=", "main"]))
      .trim()
      .split("\n");
    expect(files).toHaveLength(201);
    expect(
      kustomizationResources(
        (await world.remoteFile("manifests/tinkerbell/hardware/kustomization.yaml")) ?? "",
      ),
    ).toHaveLength(203);
    expect(seconds).toBeLessThan(20);
  });

  it("counts only the rows that fit the repository, in the preview and in the commit message", async () => {
    const csv = [
      header,
      row(901),
      row(902),
      // Valid on its own, but its MAC is already-here's in the repository.
      "clash,clash.lab,02:00:00:0F:0F:0F,,,,,x86_64,UEFI,/dev/sda,,",
    ].join("\n");
    const preview = await bulkRegisterServers(
      { actor: operator, input: { csv }, preview: true },
      world.deps(),
    );
    if (preview.kind !== "preview") throw new Error("expected a preview");
    expect(preview.consequences).toEqual([
      "2 servers are added to Git as Tinkerbell Hardware in one commit.",
    ]);
    expect(preview.refused.map((report) => [report.row, Object.keys(report.fields)])).toEqual([
      [4, ["interfaces.0.mac"]],
    ]);
    const done = await bulkRegisterServers(
      { actor: operator, input: { csv, previewDigest: preview.digest } },
      world.deps(),
    );
    expect(done.registered).toEqual(["node-901", "node-902"]);
    const [commit] = await world.remoteLog();
    expect(commit?.message.split("\n")[0]).toBe("servers: register 2 servers from CSV");
  });
});
