import { spawn } from "node:child_process";
import { copyFile } from "node:fs/promises";
import path from "node:path";

/** SeaBIOS and OVMF on x86_64; `aavmf` is EDK2 for arm64 (Debian's qemu-efi-aarch64). */
export type Firmware = "seabios" | "ovmf" | "aavmf";
export type Attachment = "cd" | "usb";

const uefiFlash = {
  ovmf: { code: "/usr/share/OVMF/OVMF_CODE_4M.fd", vars: "/usr/share/OVMF/OVMF_VARS_4M.fd" },
  aavmf: { code: "/usr/share/AAVMF/AAVMF_CODE.fd", vars: "/usr/share/AAVMF/AAVMF_VARS.fd" },
};

async function firmwareArgs(firmware: Firmware, workDir: string, name: string): Promise<string[]> {
  if (firmware === "seabios") return [];
  const vars = path.join(workDir, `${name}-vars.fd`);
  await copyFile(uefiFlash[firmware].vars, vars);
  return [
    "-drive",
    `if=pflash,format=raw,readonly=on,file=${uefiFlash[firmware].code}`,
    "-drive",
    `if=pflash,format=raw,file=${vars}`,
  ];
}

/*
 * arm64 boards and servers boot under TCG as QEMU's `virt` machine: no IDE there, so a CD sits on
 * virtio-scsi (what a BMC's virtual media looks like to EDK2 too) and the NIC is virtio.
 */
function machineArgs(firmware: Firmware): { command: string; args: string[]; nic: string } {
  if (firmware === "aavmf")
    return {
      command: "qemu-system-aarch64",
      args: ["-machine", "virt", "-cpu", "cortex-a72", "-m", "512"],
      nic: "virtio-net-pci",
    };
  return { command: "qemu-system-x86_64", args: ["-m", "256"], nic: "e1000" };
}

function mediaArgs(attachment: Attachment, image: string, firmware: Firmware): string[] {
  if (attachment === "cd")
    return [
      "-drive",
      `if=none,id=media,format=raw,media=cdrom,readonly=on,file=${image}`,
      ...(firmware === "aavmf"
        ? ["-device", "virtio-scsi-pci", "-device", "scsi-cd,drive=media,bootindex=0"]
        : ["-device", "ide-cd,drive=media,bootindex=0"]),
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
  const machine = machineArgs(options.firmware);
  const args = [
    ...machine.args,
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
    ...mediaArgs(options.attachment, options.image, options.firmware),
    "-nic",
    `user,model=${machine.nic},mac=${options.mac}`,
  ];
  const started = Date.now();
  const [command, commandArgs] = options.netns
    ? ["ip", ["netns", "exec", options.netns, machine.command, ...args]]
    : [machine.command, args];
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
