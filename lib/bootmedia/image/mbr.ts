/**
 * A one-partition MBR disk around a FAT image: the boot code (SYSLINUX's mbr.bin, or nothing for
 * UEFI-only media), one active partition at 1 MiB, as USB sticks are laid out.
 */
export const partitionStartSector = 2048;
const sectorSize = 512;

export type PartitionType = "fat16-lba" | "efi-system";
const typeByte: Record<PartitionType, number> = { "fat16-lba": 0x0e, "efi-system": 0xef };

export function mbrDisk(options: {
  bootCode: Buffer | undefined;
  partition: Buffer;
  type: PartitionType;
}): Buffer {
  const { bootCode, partition, type } = options;
  if (bootCode !== undefined && bootCode.length > 440)
    throw new Error("MBR boot code is larger than 440 bytes");
  if (partition.length % sectorSize !== 0)
    throw new Error("the partition image is not a whole number of sectors");
  const offset = partitionStartSector * sectorSize;
  const disk = Buffer.alloc(offset + partition.length);
  bootCode?.copy(disk, 0);
  const entry = 446;
  disk[entry] = 0x80;
  // CHS fields say "use LBA": every firmware that boots USB sticks reads the LBA fields.
  disk.set([0xfe, 0xff, 0xff], entry + 1);
  disk[entry + 4] = typeByte[type];
  disk.set([0xfe, 0xff, 0xff], entry + 5);
  disk.writeUInt32LE(partitionStartSector, entry + 8);
  disk.writeUInt32LE(partition.length / sectorSize, entry + 12);
  disk[510] = 0x55;
  disk[511] = 0xaa;
  partition.copy(disk, offset);
  return disk;
}
