// CI pins the console's image tag it has just pushed (.github/workflows/console-image.yml):
//   tsx scripts/ci/pin-console-image.ts TAG [KUSTOMIZATION_FILE]
import path from "node:path";
import { pinConsoleImage } from "./console-image-pin";

async function main(): Promise<void> {
  const [tag, file] = process.argv.slice(2);
  if (!tag) throw new Error("usage: pin-console-image.ts TAG [KUSTOMIZATION_FILE]");
  const changed = await pinConsoleImage(tag, file ? path.resolve(file) : undefined);
  console.log(changed ? `pinned foundry-console to ${tag}` : `foundry-console already at ${tag}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
