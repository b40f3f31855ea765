import { randomBytes } from "node:crypto";

/**
 * The console process that takes writes, named in each pending audit row, and how to tell
 * whether the process a row names is still alive: only a gone owner's rows may be settled by
 * another process, or two replicas would both settle one write.
 */
export type WriteOwner = {
  id: string;
  /** False only when the process is known to be gone. */
  alive(ownerId: string): Promise<boolean>;
  close(): Promise<void>;
};

export function newOwnerId(): string {
  return randomBytes(12).toString("base64url");
}

/** One process on its own database (SQLite): any other owner is an earlier run, gone. */
export function soleWriteOwner(id = newOwnerId()): WriteOwner {
  return { id, alive: async (ownerId) => ownerId === id, close: async () => {} };
}
