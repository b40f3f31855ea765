import type { FieldIssues } from "@/lib/errors";

/** What a server action answers: a preview to confirm, or a commit (a refusal is the action's failure, with its fields). */
export type ChangeResult =
  | {
      kind: "preview";
      baseSha: string;
      diff: string;
      digest: string;
      consequences: string[];
      registered?: string[];
      refused?: RowReport[];
    }
  | {
      kind: "committed";
      sha: string;
      requestId: string;
      committed: boolean;
      diff: string;
      pullRequestUrl?: string;
      registered?: string[];
      refused?: RowReport[];
    };

export type RowReport = { row: number; name: string; fields: FieldIssues };
