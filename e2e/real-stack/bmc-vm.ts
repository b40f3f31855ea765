import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { stackEnv } from "./stack";

/** The Redfish BMC of the real stack (scripts/real-stack/bmc.sh) and the libvirt VM behind it. */
export const withoutBmc = process.env.REAL_STACK_BMC === "0";

export function bmcSetting(name: string): string {
  const value = stackEnv[name];
  if (value !== undefined || withoutBmc) return value ?? "";
  throw new Error(`the real stack wrote no ${name} to its env`);
}

const execFileAsync = promisify(execFile);
const libvirtUri = () =>
  `qemu+unix:///session?socket=${bmcSetting("REAL_STACK_BMC_LIBVIRT_SOCKET")}`;

export const virsh = async (...args: string[]) =>
  (await execFileAsync("virsh", ["-q", "-c", libvirtUri(), ...args])).stdout.trim();

/** libvirt's word for the VM's state: "running", "shut off". */
export const domstate = () => virsh("domstate", bmcSetting("REAL_STACK_BMC_SYSTEM"));
