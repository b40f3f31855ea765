import { createTemplateCache, type TemplateCache } from "@/lib/bootmedia/image/template-cache";
import { ipxeDir } from "@/tests/bootmedia/support/boot-world";

/** Templates built from the fetched iPXE into a cache folder shared by the tests of one run. */
export function testTemplates(): TemplateCache {
  return createTemplateCache({ ipxeDir, cacheDir: "/tmp/foundry-bootmedia-test-cache" });
}
