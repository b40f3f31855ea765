import "server-only";
import { revokeServerTokens } from "@/lib/bootmedia/revoke-server-tokens";
import { db } from "@/lib/db";
import { lastClaimedGeneration } from "@/lib/enrollment/last-claimed-generation";
import { env } from "@/lib/env";
import { gitReader } from "@/lib/gitops/reader";
import { gitWriter } from "@/lib/gitops/writer";
import type { ServerDeps } from "./deps";

export function serverDeps(): ServerDeps {
  const settings = env();
  return {
    writer: gitWriter(),
    reader: gitReader(),
    manifestsPath: settings.git.manifestsPath,
    consoleUrl: settings.auth.url,
    revokeServerTokens: async (name, reason) => {
      await revokeServerTokens(name, reason);
    },
    lastClaimedGeneration: (name) => lastClaimedGeneration(db(), name),
  };
}
