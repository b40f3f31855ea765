import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import { pgConfigFromUrl } from "@/lib/db/pg-config";
import { env } from "@/lib/settings/env";
import { singleton } from "@/lib/singleton";
import { createGitWriter, type GitWriter } from "./create-git-writer";
import { processQueue } from "./keyed-queue";
import { gitWriterOptions } from "./options-from-env";
import { replicaQueue } from "./replica-queue";

export type { GitWriter } from "./create-git-writer";
export type {
  ApplyChangeInput,
  ApplyChangeResult,
  GitTree,
  TreeChange,
  TreeSnapshot,
} from "./types";

/**
 * The process's one GitOps writer, built from the settings on first use, auditing to Prisma. On
 * PostgreSQL its turns are shared with the other replicas'.
 */
export function gitWriter(): GitWriter {
  return singleton("gitops-writer", () => {
    const settings = env();
    const queue =
      settings.database === "postgresql"
        ? replicaQueue(pgConfigFromUrl(settings.databaseUrl), processQueue())
        : processQueue();
    return createGitWriter({ ...gitWriterOptions(settings, auditJournal()), queue });
  });
}
