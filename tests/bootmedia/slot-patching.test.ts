import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mediaTemplate } from "@/lib/bootmedia/image/media-template";
import { partitionStartSector } from "@/lib/bootmedia/image/mbr";
import { patchImage } from "@/lib/bootmedia/image/patched-image";
import {
  findSlots,
  fitScript,
  placeholderScript,
  slotSize,
} from "@/lib/bootmedia/image/script-slot";
import { serverScript } from "@/lib/bootmedia/ipxe/server-script";
import { InvalidError } from "@/lib/errors";
import { testTemplates } from "@/tests/bootmedia/support/memory-templates";

const execFileAsync = promisify(execFile);
const script = "#!ipxe\necho hello\n";

function concat(chunks: Iterable<Buffer>): Buffer {
  return Buffer.concat([...chunks]);
}

describe("the script slot", () => {
  it("pads the script with spaces to the slot size and ends with a newline", () => {
    const slot = fitScript(script);
    expect(slot.length).toBe(slotSize);
    expect(slot.subarray(0, script.length).toString()).toBe(script);
    expect(slot.subarray(script.length, slotSize - 1).every((byte) => byte === 0x20)).toBe(true);
    expect(slot[slotSize - 1]).toBe(0x0a);
  });

  it("refuses a script that does not fit, saying how long it is", () => {
    const long = `#!ipxe\n${"echo too long\n".repeat(400)}`;
    expect(() => fitScript(long)).toThrow(InvalidError);
    expect(() => fitScript(long)).toThrow(/is 5607 bytes; the media's script slot holds 4095/);
    expect(() => fitScript("#!ipxe\n".padEnd(slotSize - 1, "x"))).toThrow(InvalidError);
    expect(fitScript("#!ipxe\n".padEnd(slotSize - 2, "x")).length).toBe(slotSize);
  });

  it("refuses text that is not an iPXE script", () => {
    expect(() => fitScript("echo hello\n")).toThrow(/must start with #!ipxe/);
  });

  it("has a placeholder that is exactly one slot and an iPXE script", () => {
    const placeholder = placeholderScript();
    expect(placeholder.length).toBe(slotSize);
    expect(placeholder.subarray(0, 7).toString()).toBe("#!ipxe\n");
  });
});

describe("patching a template", () => {
  // A synthetic image: 3 slots in 200 KiB of numbered bytes, to check every byte range.
  const placeholder = placeholderScript();
  const size = 200 * 1024;
  const offsets = [1000, 70_000, 190_000];
  const bytes = Buffer.alloc(size);
  for (let i = 0; i < size; i++) bytes[i] = i % 251;
  for (const offset of offsets) placeholder.copy(bytes, offset);
  const template = mediaTemplate("t", bytes, findSlots(bytes, placeholder), slotSize);
  const expected = Buffer.from(bytes);
  for (const offset of offsets) fitScript(script).copy(expected, offset);

  it("finds each slot", () => expect(template.slots).toEqual(offsets));

  it("streams the patched bytes and their SHA-256 without touching the template", async () => {
    const image = patchImage(template, script);
    expect(concat(image.chunks()).equals(expected)).toBe(true);
    const { createHash } = await import("node:crypto");
    expect(image.sha256).toBe(createHash("sha256").update(expected).digest("hex"));
    expect(findSlots(bytes, placeholder)).toEqual(offsets);
  });

  it.each([
    [0, 0],
    [0, 999],
    [999, 1000],
    [1000, 1000 + slotSize - 1],
    [1005, 1010],
    [1000 + slotSize - 1, 1000 + slotSize],
    [500, 75_000],
    [69_999, 190_000 + slotSize],
    [190_001, size - 1],
    [size - 1, size - 1],
    [0, size - 1],
  ])("serves bytes %i-%i exactly", (start, end) => {
    const image = patchImage(template, script);
    expect(concat(image.chunks(start, end)).equals(expected.subarray(start, end + 1))).toBe(true);
  });
});

describe("patching real templates", () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), "foundry-fsck-"));
  });
  afterAll(async () => rm(dir, { recursive: true, force: true }));

  const longest = serverScript({
    server: "a-rather-long-server-name-in-rack-twelve.lab.example.com",
    network: {
      mac: "52:54:00:12:34:56",
      static: {
        address: "192.168.100.200",
        netmask: "255.255.255.0",
        gateway: "192.168.100.254",
        nameServers: ["192.168.100.253"],
      },
    },
    publicUrl: "https://foundry-console.lab.example.com:8443",
    token: "A".repeat(43),
    smeeScriptUrl: "http://192.168.100.250:7080/ipxe/script/{mac}/auto.ipxe",
  });

  it("fits a per-server script with long names in the slot", () => {
    expect(Buffer.byteLength(longest)).toBeLessThan(slotSize - 1);
  });

  it.each([
    ["x86_64", "usb"],
    ["aarch64", "usb"],
  ] as const)("keeps the FAT of the %s %s image clean (fsck.fat -n)", async (arch, format) => {
    const template = await testTemplates().get({ arch, format });
    const image = concat(patchImage(template, longest).chunks());
    const partition = path.join(dir, `${arch}-${format}.fat`);
    await writeFile(partition, image.subarray(partitionStartSector * 512));
    const { stdout } = await execFileAsync("fsck.fat", ["-n", partition]);
    expect(stdout).toMatch(/files, \d+\/\d+ clusters/);
    const { stdout: script } = await execFileAsync("mtype", [
      "-i",
      partition,
      "::/EFI/BOOT/autoexec.ipxe",
    ]);
    expect(script.trimEnd()).toBe(longest.trimEnd());
  });

  it.each([["x86_64"], ["aarch64"]] as const)(
    "keeps the EFI FAT inside the %s ISO clean",
    async (arch) => {
      const template = await testTemplates().get({ arch, format: "iso" });
      const iso = path.join(dir, `${arch}.iso`);
      await writeFile(iso, concat(patchImage(template, longest).chunks()));
      const fat = path.join(dir, `${arch}-efiboot.img`);
      if (arch === "x86_64") {
        await execFileAsync("xorriso", [
          "-osirrox",
          "on",
          "-indev",
          iso,
          "-extract",
          "/efiboot.img",
          fat,
        ]);
        const copy = path.join(dir, "autoexec.ipxe");
        await execFileAsync("xorriso", [
          "-osirrox",
          "on",
          "-indev",
          iso,
          "-extract",
          "/autoexec.ipxe",
          copy,
        ]);
        expect((await readFile(copy, "utf8")).trimEnd()).toBe(longest.trimEnd());
      } else {
        // aarch64: the EFI image is the ISO's appended partition, the second entry of its GPT.
        const bytes = await readFile(iso);
        const entries = Number(bytes.readBigUInt64LE(512 + 72)) * 512;
        const entrySize = bytes.readUInt32LE(512 + 84);
        const first = Number(bytes.readBigUInt64LE(entries + entrySize + 32));
        const last = Number(bytes.readBigUInt64LE(entries + entrySize + 40));
        await writeFile(fat, bytes.subarray(first * 512, (last + 1) * 512));
      }
      const { stdout } = await execFileAsync("fsck.fat", ["-n", fat]);
      expect(stdout).toMatch(/files, \d+\/\d+ clusters/);
      const { stdout: efiScript } = await execFileAsync("mtype", [
        "-i",
        fat,
        "::/EFI/BOOT/autoexec.ipxe",
      ]);
      expect(efiScript.trimEnd()).toBe(longest.trimEnd());
    },
  );
});
