/*
 * Tinkerbell's `formatPartition` (v0.21.0) names a partition only on disks whose path starts
 * with one of these; for any other path (/dev/mmcblk0, /dev/disk/by-id/…) it hands back the whole
 * disk, so an action meant for a partition would mount or overwrite the disk itself.
 */
const partitionedPrefixes = ["/dev/nvme", "/dev/sd", "/dev/vd", "/dev/xvd", "/dev/hd"];

export function tinkerbellNamesPartitionsOf(disk: string): boolean {
  return partitionedPrefixes.some((prefix) => disk.startsWith(prefix));
}

export const partitionedDiskExamples = "/dev/sda, /dev/vda or /dev/nvme0n1";
