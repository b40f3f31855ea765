import "server-only";
import { auditJournal } from "@/lib/audit/journal";
import { env } from "@/lib/settings/env";
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

/** The process's one GitOps writer, built from the settings on first use, auditing to Prisma. */
export function gitWriter(): GitWriter {
  return singleton("gitops-writer", () => createGitWriter(gitWriterOptions(env(), auditJournal())));
}
