import "server-only";
import type { AuditJournal } from "@/lib/audit/types";
import { env } from "@/lib/env";
import { singleton } from "@/lib/singleton";
import { createGitWriter, type GitWriter } from "./create-git-writer";
import { gitWriterOptions } from "./options-from-env";

export type { GitWriter } from "./create-git-writer";
export type {
  ApplyChangeInput,
  ApplyChangeResult,
  GitTree,
  TreeChange,
  TreeSnapshot,
} from "./types";

/**
 * The process's one GitOps writer, built from the settings on first use. The journal given on
 * that first call is the one it keeps (the Prisma audit log in the running console).
 */
export function gitWriter(audit: AuditJournal): GitWriter {
  return singleton("gitops-writer", () => createGitWriter(gitWriterOptions(env(), audit)));
}
