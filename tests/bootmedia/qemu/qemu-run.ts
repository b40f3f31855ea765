import { spawn } from "node:child_process";
import { copyFile } from "node:fs/promises";
import path from "node:path";

export type Firmware = "seabios" | "ovmf";
export type Attachment = "cd" | "usb";

const ovmfCode = "/usr/share/OVMF/OVMF_CODE_4M.fd";
const ovmfVars = "/usr/share/OVMF/OVMF_VARS_4M.fd";

async function firmwareArgs(firmware: Firmware, workDir: string, name: string): Promise<string[]> {
  if (firmware === "seabios") return [];
  const vars = path.join(workDir, `${name}-vars.fd`);
  await copyFile(ovmfVars, vars);
  return [
    "-drive",
    `if=pflash,format=raw,readonly=on,file=${ovmfCode}`,
    "-drive",
    `if=pflash,format=raw,file=${vars}`,
  ];
}

function mediaArgs(attachment: Attachment, image: string): string[] {
  if (attachment === "cd")
    return [
      "-drive",
      `if=none,id=media,format=raw,media=cdrom,readonly=on,file=${image}`,
      "-device",
      "ide-cd,drive=media,bootindex=0",
    ];
  return [
    "-drive",
    `if=none,id=media,format=raw,readonly=on,file=${image}`,
    "-device",
    "qemu-xhci",
    "-device",
    "usb-storage,drive=media,bootindex=0",
  ];
}

/**
 * Boots an image in QEMU (TCG: no KVM here) until `done` resolves, under a hard timeout; the
 * QEMU process is killed by its PID afterwards either way. Resolves how long the boot took.
 */
export async function bootInQemu(options: {
  name: string;
  image: string;
  firmware: Firmware;
  attachment: Attachment;
  mac: string;
  workDir: string;
  timeoutMs: number;
  done: (since: number) => Promise<unknown>;
  /** A network namespace QEMU runs in: its user network's sockets go out by that one's routes. */
  netns?: string;
}): Promise<number> {
  const args = [
    "-m",
    "256",
    "-smp",
    "1",
    "-nographic",
    "-display",
    "none",
    "-monitor",
    "none",
    "-serial",
    "none",
    "-no-reboot",
    ...(await firmwareArgs(options.firmware, options.workDir, options.name)),
    ...mediaArgs(options.attachment, options.image),
    "-nic",
    `user,model=e1000,mac=${options.mac}`,
  ];
  const started = Date.now();
  const [command, commandArgs] = options.netns
    ? ["ip", ["netns", "exec", options.netns, "qemu-system-x86_64", ...args]]
    : ["qemu-system-x86_64", args];
  const child = spawn(command, commandArgs, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      options.done(started),
      exited.then((code) => {
        throw new Error(
          `${options.name}: QEMU exited (${code}) before the boot finished: ${stderr}`,
        );
      }),
      new Promise((_, reject) => {
        timer = setTimeout(
          () => reject(new Error(`${options.name}: no boot within ${options.timeoutMs} ms`)),
          options.timeoutMs,
        );
      }),
    ]);
    return Date.now() - started;
  } finally {
    clearTimeout(timer);
    if (child.pid !== undefined && child.exitCode === null) process.kill(child.pid, "SIGKILL");
    await exited;
  }
}
