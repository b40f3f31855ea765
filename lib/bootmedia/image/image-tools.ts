import { execFile } from "node:child_process";
import { UnavailableError } from "@/lib/errors";

/** Debian's boot loader files the templates are built from (packages isolinux, syslinux-common). */
export const debianBootFiles = {
  isolinuxBin: "/usr/lib/ISOLINUX/isolinux.bin",
  isohybridMbr: "/usr/lib/ISOLINUX/isohdpfx.bin",
  ldlinux: "/usr/lib/syslinux/modules/bios/ldlinux.c32",
  mbr: "/usr/lib/syslinux/mbr/mbr.bin",
};

const packageOf: Record<string, string> = {
  xorriso: "xorriso",
  "mkfs.fat": "dosfstools",
  mmd: "mtools",
  mcopy: "mtools",
  syslinux:
    "syslinux, x86 hosts only; elsewhere use the ISO, which also boots written to a USB stick",
};

/**
 * Runs one image tool with an argument array (never a shell). A fixed SOURCE_DATE_EPOCH makes
 * xorriso's and mtools' timestamps the same on every build, so replicas build identical bytes.
 */
// Only what the tools need: the console's secrets stay out of their environment.
function toolEnvironment(): NodeJS.ProcessEnv {
  return {
    NODE_ENV: process.env.NODE_ENV,
    PATH: process.env.PATH ?? "/usr/sbin:/usr/bin:/sbin:/bin",
    LC_ALL: "C",
    SOURCE_DATE_EPOCH: "1735689600",
    MTOOLS_SKIP_CHECK: "1",
  };
}

export function runTool(command: string, args: string[], cwd?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      command,
      args,
      {
        cwd,
        timeout: 60_000,
        maxBuffer: 4 * 1024 * 1024,
        env: toolEnvironment(),
      },
      (error: Error | null, _stdout: string, stderr: string) => {
        if (error === null) return resolve();
        const missing = "code" in error && error.code === "ENOENT";
        reject(
          new UnavailableError(
            missing
              ? `Boot media need ${command} (Debian package ${packageOf[command] ?? command}); install it.`
              : `Building the boot media template failed in ${command}: ${String(stderr).trim().slice(0, 500)}`,
            { cause: error },
          ),
        );
      },
    );
  });
}
