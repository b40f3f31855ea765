import type { GitWriter } from "./create-git-writer";
import type { GitReader } from "./tree-reader";

declare module "@/lib/context" {
  interface Context {
    writer: GitWriter;
    /** Reads (never writes) the writer's clone, for fast listings of thousands of servers. */
    reader: GitReader;
    manifestsPath: string;
    branch: string;
    /** Fetches the console's clone. */
    refreshClone(): Promise<unknown>;
  }
}
