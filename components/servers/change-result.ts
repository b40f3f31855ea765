import type { FieldIssues } from "@/lib/errors";

/** What a server action answers: a preview to confirm, a commit, or a refusal by field. */
export type ChangeResult =
  | { kind: "preview"; baseSha: string; diff: string; digest: string; consequences: string[]; registered?: string[]; refused?: RowReport[] }
  | { kind: "committed"; sha: string; requestId: string; committed: boolean; diff: string; pullRequestUrl?: string; registered?: string[]; refused?: RowReport[] }
  | { kind: "refused"; error: string; fields: FieldIssues };

export type RowReport = { row: number; name: string; fields: FieldIssues };
