import { createHash } from "node:crypto";

export type ObjectFormat = "sha1" | "sha256";

/** Git's object id for a blob of this text, as `git hash-object` computes it. */
export function gitBlobId(text: string, format: ObjectFormat = "sha1"): string {
  return createHash(format)
    .update(`blob ${Buffer.byteLength(text)}\0`)
    .update(text)
    .digest("hex");
}
