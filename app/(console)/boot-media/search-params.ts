import { z } from "zod";
import { architectureSchema, mediaFormatSchema } from "@/lib/bootmedia/schema";
import { serverNameSchema } from "@/lib/servers/schema";

/** The page's URL: a bad value falls back to the default instead of failing the page. */
export const bootMediaSearchParams = z.object({
  server: serverNameSchema.optional().catch(undefined),
  arch: architectureSchema.catch("x86_64").default("x86_64"),
  format: mediaFormatSchema.catch("iso").default("iso"),
});
