import "server-only";
import { env } from "@/lib/settings/env";
import { buildCloudOverview, type CloudOverview } from "@/lib/oci/cloud-overview";
import { singleton } from "@/lib/singleton";

const maxAgeMs = 60_000;

type Entry = { at: number; overview: Promise<CloudOverview> };

/** Oracle's lists change slowly and its APIs are rate limited: one read a minute per process. */
export function cloudOverview(): Promise<CloudOverview> {
  const cache = singleton<{ entry?: Entry }>("oci-cloud-overview", () => ({}));
  const now = Date.now();
  if (cache.entry && now - cache.entry.at < maxAgeMs) return cache.entry.overview;
  const overview = buildCloudOverview(env().oci).catch((): CloudOverview => ({
    state: "failed",
    error: "The Oracle Cloud usage could not be read",
  }));
  cache.entry = { at: now, overview };
  return overview;
}
