import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer as createHttpServer, type Server as HttpServer } from "node:http";
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { kubeRest } from "./kube-rest";
import { realStackDir } from "./settings";
import { bmcSetting, domstate, virsh, withoutBmc } from "./bmc-vm";
import { stackPort } from "./stack";

/*
 * Real Rufio (the controllers Tinkerbell v0.21.0 embeds) against a real Redfish BMC: sushy-tools'
 * emulator in front of libvirt, driving a QEMU VM (scripts/real-stack/bmc.sh). A Machine and its
 * Jobs as an operator or the console would write them; what changed is read where a person would
 * look: libvirt (`virsh domstate`, `virsh dumpxml`), the VM's serial console, and the Machine's,
 * Job's and Task's status.
 */
test.describe.configure({ mode: "serial" });
test.skip(withoutBmc, "the stack was started without its BMC (REAL_STACK_BMC=0)");

type Condition = { type: string; status: string; message?: string };
type Status = { conditions?: Condition[]; powerState?: string };
type BmcObject = { metadata: { name: string }; status?: Status };

const namespace = "tinkerbell";
const group = `/apis/bmc.tinkerbell.org/v1alpha1/namespaces/${namespace}`;
const api = kubeRest(realStackDir, `https://127.0.0.1:${stackPort("APISERVER")}`);
const execFileAsync = promisify(execFile);

const setting = bmcSetting;
const bmcPort = Number(setting("REAL_STACK_BMC_PORT"));
const system = setting("REAL_STACK_BMC_SYSTEM");
const serialLog = setting("REAL_STACK_BMC_SERIAL_LOG");

/** A Machine as the platform writes one, with the Redfish options this BMC needs. */
function machine(name: string, secret: string, port: number) {
  return {
    apiVersion: "bmc.tinkerbell.org/v1alpha1",
    kind: "Machine",
    metadata: { name, namespace },
    spec: {
      connection: {
        host: setting("REAL_STACK_BMC_ADDRESS"),
        insecureTLS: true,
        authSecretRef: { name: secret, namespace },
        // sushy-emulator listens on its own port and has no SessionService (Rufio opens a
        // session unless told to use basic auth).
        providerOptions: { redfish: { port, useBasicAuth: true } },
      },
    },
  };
}

let jobs = 0;
const created: string[] = [];
/** Creates a Job of these tasks on the Machine and waits until Rufio finished it. */
async function runJob(machineName: string, tasks: Record<string, unknown>[]) {
  jobs += 1;
  const name = `${machineName}-${jobs}`;
  created.push(`${group}/jobs/${name}`);
  await api.create(`${group}/jobs`, {
    apiVersion: "bmc.tinkerbell.org/v1alpha1",
    kind: "Job",
    metadata: { name, namespace },
    spec: { machineRef: { name: machineName, namespace }, tasks },
  });
  let job: BmcObject | undefined;
  await expect
    .poll(
      async () => {
        job = await api.get<BmcObject>(`${group}/jobs/${name}`);
        return finished(job?.status)?.type ?? "running";
      },
      { timeout: 90_000, intervals: [500] },
    )
    .not.toBe("running");
  const task = async (index: number) =>
    (await api.get<BmcObject>(`${group}/tasks/${name}-task-${index}`))?.status;
  return { name, status: job?.status, task };
}
const finished = (status?: Status) =>
  status?.conditions?.find(
    (c) => (c.type === "Completed" || c.type === "Failed") && c.status === "True",
  );
const condition = (status: Status | undefined, type: string) =>
  status?.conditions?.find((c) => c.type === type);

/**
 * The power state the Machine reports. Rufio reads it when the Machine changes and then every
 * three minutes (v0.21.0: every thirty), not after a Job: a change of the Machine asks now.
 */
async function machinePower(name: string, expected: string): Promise<void> {
  await api.patch(`${group}/machines/${name}`, {
    metadata: { annotations: { "foundry.test/read-power-at": new Date().toISOString() } },
  });
  await expect
    .poll(async () => (await api.get<BmcObject>(`${group}/machines/${name}`))?.status?.powerState, {
      timeout: 30_000,
    })
    .toBe(expected);
}

test.beforeAll(async () => {
  await api.create(
    `${group}/machines`,
    machine("bmc-vm", setting("REAL_STACK_BMC_SECRET"), bmcPort),
  );
});

test.afterAll(async () => {
  // TCG keeps a core busy while the VM runs: it is off for the specs after this one.
  await virsh("destroy", system).catch(() => undefined);
  // What these specs made by hand is not in Git: later specs see only what Flux applied.
  for (const name of ["bmc-vm", "bmc-vm-wrong", "bmc-silent"])
    created.push(`${group}/machines/${name}`);
  created.push(`/api/v1/namespaces/${namespace}/secrets/bmc-vm-wrong`);
  for (const apiPath of created) await api.delete(apiPath);
});

test("power on through Rufio starts the VM, and the Machine says on", async () => {
  expect(await domstate()).toBe("shut off");
  await machinePower("bmc-vm", "off");

  const job = await runJob("bmc-vm", [{ powerAction: "on" }]);
  expect(finished(job.status)?.type, JSON.stringify(job.status)).toBe("Completed");
  expect(await domstate()).toBe("running");
  await machinePower("bmc-vm", "on");
});

test("power off through Rufio stops the VM, and the Machine says off", async () => {
  const job = await runJob("bmc-vm", [{ powerAction: "off" }]);
  expect(finished(job.status)?.type, JSON.stringify(job.status)).toBe("Completed");
  expect(await domstate()).toBe("shut off");
  await machinePower("bmc-vm", "off");
});

test("wrong credentials: the Job fails, its Task says why, and the VM is untouched", async () => {
  await api.create(`/api/v1/namespaces/${namespace}/secrets`, {
    apiVersion: "v1",
    kind: "Secret",
    metadata: { name: "bmc-vm-wrong", namespace },
    stringData: { username: "admin", password: "not-the-password" },
  });
  await api.create(`${group}/machines`, machine("bmc-vm-wrong", "bmc-vm-wrong", bmcPort));

  const job = await runJob("bmc-vm-wrong", [{ powerAction: "on" }]);
  const failed = finished(job.status);
  expect(failed?.type).toBe("Failed");
  // The Job names the Task; the Task carries the BMC's answer.
  expect(failed?.message).toBe(`task ${namespace}/${job.name}-task-0 failed`);
  const task = condition(await job.task(0), "Failed");
  expect(task?.status).toBe("True");
  expect(task?.message).toContain("failed to perform PowerAction");
  expect(task?.message).toContain("401");
  expect(task?.message).toContain("Incorrect username or password");
  expect(await domstate()).toBe("shut off");

  // The Machine itself is not contactable, for the same reason.
  await machinePower("bmc-vm-wrong", "unknown");
  const machineStatus = (await api.get<BmcObject>(`${group}/machines/bmc-vm-wrong`))?.status;
  expect(condition(machineStatus, "Contactable")?.status).toBe("False");
  expect(condition(machineStatus, "Contactable")?.message).toContain(
    "Incorrect username or password",
  );
});

test("a BMC that does not answer: the Job fails once the connect timeout ends", async () => {
  test.setTimeout(180_000);
  // Accepts connections and never answers, as a hung BMC does.
  const held: Socket[] = [];
  const silent: TcpServer = createTcpServer((socket) => void held.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const address = silent.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  try {
    await api.create(
      `${group}/machines`,
      machine("bmc-silent", setting("REAL_STACK_BMC_SECRET"), address.port),
    );
    const started = Date.now();
    const job = await runJob("bmc-silent", [{ powerAction: "on" }]);
    expect(finished(job.status)?.type).toBe("Failed");
    const task = condition(await job.task(0), "Failed");
    expect(task?.message).toContain("Failed to connect to BMC");
    expect(task?.message).toContain(`provider: gofish: Get "https://127.0.0.1:${address.port}/`);
    expect(task?.message).toContain("Client.Timeout exceeded while awaiting headers");
    // Rufio's 2-minute connect timeout is shared among bmclib's providers.
    expect(Date.now() - started).toBeGreaterThan(5_000);
    expect(held.length).toBeGreaterThan(0);
  } finally {
    for (const socket of held) socket.destroy();
    await new Promise<void>((resolve) => silent.close(() => resolve()));
  }
});

test("virtual media: the CD is inserted, booted once and the VM power-cycled into it", async () => {
  test.setTimeout(180_000);
  // A tiny bootable ISO (ISOLINUX, waiting at its prompt) served from loopback, as the console
  // serves a server's media.
  const work = mkdtempSync(path.join(os.tmpdir(), "foundry-bmc-media-"));
  const root = path.join(work, "root", "isolinux");
  mkdirSync(root, { recursive: true });
  for (const file of [
    "/usr/lib/ISOLINUX/isolinux.bin",
    "/usr/lib/syslinux/modules/bios/ldlinux.c32",
  ])
    writeFileSync(path.join(root, path.basename(file)), readFileSync(file));
  writeFileSync(path.join(root, "isolinux.cfg"), "SERIAL 0 115200\nPROMPT 1\nTIMEOUT 0\n");
  const iso = path.join(work, "media.iso");
  await execFileAsync("xorriso", [
    ...["-as", "mkisofs", "-quiet", "-V", "FOUNDRY_BMC", "-o", iso],
    ...["-b", "isolinux/isolinux.bin", "-c", "isolinux/boot.cat"],
    ...["-no-emul-boot", "-boot-load-size", "4", "-boot-info-table", path.join(work, "root")],
  ]);
  const fetched: string[] = [];
  const media: HttpServer = createHttpServer((request, response) => {
    fetched.push(request.url ?? "");
    if (request.url !== "/media/bmc-vm.iso") return void response.writeHead(404).end();
    response.writeHead(200, { "Content-Type": "application/octet-stream" }).end(readFileSync(iso));
  });
  await new Promise<void>((resolve) => media.listen(0, "127.0.0.1", resolve));
  const address = media.address();
  if (address === null || typeof address === "string") throw new Error("no port");
  const mediaURL = `http://127.0.0.1:${address.port}/media/bmc-vm.iso`;
  try {
    // A power cycle needs a running server (bmclib refuses to cycle one that is off).
    expect(finished((await runJob("bmc-vm", [{ powerAction: "on" }])).status)?.type).toBe(
      "Completed",
    );
    expect(await domstate()).toBe("running");
    const before = readFileSync(serialLog, "utf8");
    expect(before).not.toContain("ISOLINUX");

    const job = await runJob("bmc-vm", [
      { virtualMediaAction: { mediaURL, kind: "CD" } },
      { oneTimeBootDeviceAction: { device: ["cdrom"] } },
      { powerAction: "cycle" },
    ]);
    expect(finished(job.status)?.type, JSON.stringify(job.status)).toBe("Completed");
    for (const index of [0, 1, 2])
      expect(condition(await job.task(index), "Completed")?.status).toBe("True");
    expect(fetched).toContain("/media/bmc-vm.iso");

    // libvirt's domain: the CD-ROM holds the image sushy downloaded, first in the boot order.
    const xml = await virsh("dumpxml", system);
    const cdrom = /<disk type='file' device='cdrom'>[\s\S]*?<\/disk>/.exec(xml)?.[0] ?? "";
    expect(cdrom).toMatch(/<source file='[^']*\/bmc\/pool\/bmc-vm-iso-[0-9a-f-]+\.img'/);
    expect(cdrom).toContain("<boot order='1'/>");
    expect(await domstate()).toBe("running");
    // And the VM booted it: ISOLINUX's banner on its serial console (QEMU starts the file anew).
    await expect
      .poll(() => readFileSync(serialLog, "utf8"), { timeout: 60_000 })
      .toContain("ISOLINUX");
  } finally {
    await new Promise<void>((resolve) => media.close(() => resolve()));
    rmSync(work, { recursive: true, force: true });
  }
});

test("a soft power-off through Redfish is reported as failed (bmclib)", async () => {
  // What the console must know before it offers "soft": bmclib's Redfish provider sends
  // GracefulShutdown and then answers not-ok, so Rufio fails the Task on every Redfish BMC.
  expect(await domstate()).toBe("running");
  const job = await runJob("bmc-vm", [{ powerAction: "soft" }]);
  expect(finished(job.status)?.type).toBe("Failed");
  expect(condition(await job.task(0), "Failed")?.message).toContain(
    "provider: gofish, failed to set power state",
  );
});
