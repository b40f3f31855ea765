import "server-only";
import { authSecret } from "@/lib/auth/auth-secret";
import { createDownloadTickets } from "@/lib/bootmedia/download-tickets";
import type { BootMediaDeps } from "@/lib/bootmedia/deps";
import { createTemplateCache } from "@/lib/bootmedia/image/template-cache";
import { env } from "@/lib/settings/env";
import { gitWriter } from "@/lib/gitops/writer";
import { singleton } from "@/lib/singleton";
import { sharedParts } from "./shared";

export function bootMediaParts(): BootMediaDeps {
  return singleton("runtime:boot-media", () => {
    const settings = env().bootMedia;
    const { db, audit, now } = sharedParts();
    return {
      db,
      audit,
      bootMedia: settings,
      templates: createTemplateCache(settings),
      headTree: () => gitWriter().readTree(),
      tickets: createDownloadTickets({ secret: authSecret() }),
      now,
    };
  });
}
