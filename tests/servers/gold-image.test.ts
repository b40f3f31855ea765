import { execFile, execFileSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { templateDataSchema, type TemplateAction } from "@/lib/manifests/template";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { builtInTemplateFiles } from "@/lib/manifests/os-templates/render-files";
import { claimReferences, renderTemplate } from "@/tests/support/tink-render";

/*
 * The gold-image template's two image steps, taken from the committed Template as Tinkerbell
 * renders it, run by busybox's sh with busybox's applets first on PATH (what Alpine's image
 * gives them; xz, zstd and qemu-img from Debian stand in for the apk packages), writing to a
 * file that plays the install disk, against images served over HTTP on loopback.
 */
const dir = mkdtempSync(path.join(tmpdir(), "gold-image-"));
const bin = path.join(dir, "bin");
const busybox = execFileSync("sh", ["-c", "command -v busybox"], { encoding: "utf8" }).trim();
const diskBytes = 64 * 1024 * 1024;
const oldSystem = Buffer.alloc(diskBytes, 0x5a);

let server: Server;
let baseUrl = "";
const served = new Map<string, Buffer>();

const image = randomBytes(5 * 1024 * 1024 + 123);
const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

function templateSteps(values: Record<string, string>): TemplateAction[] {
  const text = builtInTemplateFiles().get("tinkerbell/templates/gold-image.yaml") ?? "";
  const [template] = readYamlObjects(text) as { spec: { data: string } }[];
  const data = templateDataSchema.parse(
    parse(renderTemplate(template?.spec.data ?? "", values, { references: claimReferences() })),
  );
  return data.tasks[0]?.actions ?? [];
}

const baseValues = {
  device_1: "aa:bb:cc:dd:ee:01",
  install_disk: "/dev/nvme0n1",
  hostname: "pi5-node1",
  foundry_server: "pi5-node1",
  foundry_generation: "1",
  foundry_url: "https://foundry.example.test",
  network_mode: "dhcp",
  root_partition: "2",
  root_fs_type: "ext4",
  timezone: "Etc/UTC",
};

type Run = { code: number; stderr: string; stdout: string };

function runStep(action: TemplateAction, env: Record<string, string>): Promise<Run> {
  const script = action.command?.[2] ?? "";
  return new Promise((resolve) => {
    execFile(
      busybox,
      ["sh", "-c", script],
      {
        env: { NODE_ENV: process.env.NODE_ENV, ...action.environment, ...env, PATH: bin },
        timeout: 120_000,
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

async function install(name: string, format: string, pinned: string) {
  const disk = path.join(dir, `${name}.disk`);
  writeFileSync(disk, oldSystem);
  const state = path.join(dir, `${name}.state`);
  const steps = templateSteps({
    ...baseValues,
    image_url: `${baseUrl}/${name}`,
    image_sha256: pinned,
    image_format: format,
  });
  const env = { DEST_DISK: disk, IMAGE_STATE_DIR: state };
  const write = await runStep(steps[0] as TemplateAction, env);
  const verify = write.code === 0 ? await runStep(steps[1] as TemplateAction, env) : undefined;
  return { disk: readFileSync(disk), write, verify };
}

const wiped = (disk: Buffer) =>
  disk.subarray(0, 4 << 20).every((byte) => byte === 0) &&
  disk.subarray(disk.length - (4 << 20)).every((byte) => byte === 0);

beforeAll(async () => {
  mkdirSync(bin);
  execFileSync(busybox, ["--install", "-s", bin]);
  for (const tool of ["xz", "zstd", "qemu-img"]) {
    rmSync(path.join(bin, tool), { force: true });
    symlinkSync(
      execFileSync("sh", ["-c", `command -v ${tool}`], { encoding: "utf8" }).trim(),
      path.join(bin, tool),
    );
  }
  const raw = path.join(dir, "image.raw");
  writeFileSync(raw, image);
  served.set("image.raw", image);
  execFileSync("xz", ["-k", "-T1", "-0", raw]);
  served.set("image.raw.xz", readFileSync(`${raw}.xz`));
  execFileSync("zstd", ["-q", "-k", raw, "-o", `${raw}.zst`]);
  served.set("image.raw.zst", readFileSync(`${raw}.zst`));
  execFileSync("qemu-img", ["convert", "-f", "raw", "-O", "qcow2", raw, `${raw}.qcow2`]);
  served.set("image.qcow2", readFileSync(`${raw}.qcow2`));
  // A mirror that answers with another image than the one the person pinned.
  const other = path.join(dir, "other.raw");
  writeFileSync(other, randomBytes(image.length));
  execFileSync("xz", ["-k", "-T1", "-0", other]);
  served.set("tampered.raw.xz", readFileSync(`${other}.xz`));
  server = createServer((request, response) => {
    const name = (request.url ?? "/").slice(1);
    if (name === "truncated.raw") {
      // Promises the whole image and hangs up half way.
      response.writeHead(200, { "content-length": String(image.length) });
      response.write(image.subarray(0, image.length >> 1));
      response.destroy();
      return;
    }
    const body = served.get(name);
    if (!body) return response.writeHead(404).end();
    response.writeHead(200, { "content-length": String(body.length) }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe("the gold-image template's image steps", () => {
  it.each([
    ["image.raw", "raw"],
    ["image.raw.xz", "xz"],
    ["image.raw.zst", "zst"],
    ["image.qcow2", "qcow2"],
  ])("write %s (%s) to the disk and accept it against its pinned SHA-256", async (name, format) => {
    const pinned = sha256(served.get(name) ?? Buffer.alloc(0));
    const { disk, write, verify } = await install(name, format, pinned.toUpperCase());
    expect(write, write.stderr).toMatchObject({ code: 0 });
    expect(verify, verify?.stderr).toMatchObject({ code: 0 });
    expect(verify?.stdout).toContain(`has SHA-256 ${pinned}, as pinned`);
    expect(sha256(disk.subarray(0, image.length))).toBe(sha256(image));
  });

  it.each([
    ["image.raw.xz", "xz"],
    ["image.qcow2", "qcow2"],
  ])(
    "wipe the disk when %s is not the image pinned, and say which digest came",
    async (name, format) => {
      const pinned = sha256(Buffer.from("the image the person meant"));
      const { disk, write, verify } = await install(name, format, pinned);
      expect(write.code).toBe(0);
      expect(verify?.code).toBe(1);
      expect(verify?.stderr).toContain(
        `the image downloaded has SHA-256 ${sha256(served.get(name) ?? Buffer.alloc(0))}, not ${pinned}`,
      );
      expect(wiped(disk), "the old system and the new image cannot boot").toBe(true);
    },
  );

  it("wipe the disk when a mirror serves another image under the pinned name", async () => {
    const pinned = sha256(served.get("image.raw.xz") ?? Buffer.alloc(0));
    const { disk, verify } = await install("tampered.raw.xz", "xz", pinned);
    expect(verify?.code).toBe(1);
    expect(verify?.stderr).toContain(`not ${pinned}`);
    expect(wiped(disk)).toBe(true);
  });

  it("fail and wipe the disk when the download breaks off half way", async () => {
    const { disk, write, verify } = await install("truncated.raw", "raw", sha256(image));
    expect(write.code).toBe(1);
    expect(write.stderr).toContain("could not be downloaded, unpacked or written");
    expect(verify).toBeUndefined();
    expect(wiped(disk)).toBe(true);
  });
});
