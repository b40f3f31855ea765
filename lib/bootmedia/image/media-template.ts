import { createHash, type Hash } from "node:crypto";

/** A built template held in memory: the image, where its script slots are, and a hash prefix. */
export type MediaTemplate = {
  key: string;
  bytes: Buffer;
  slots: readonly number[];
  slotSize: number;
  /** SHA-256 state after the bytes before the first slot; copied per download. */
  prefixHash: Hash;
};

export function mediaTemplate(
  key: string,
  bytes: Buffer,
  slots: readonly number[],
  slotSize: number,
): MediaTemplate {
  const first = slots[0] ?? bytes.length;
  return {
    key,
    bytes,
    slots,
    slotSize,
    prefixHash: createHash("sha256").update(bytes.subarray(0, first)),
  };
}
