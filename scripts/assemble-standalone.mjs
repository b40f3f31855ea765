// Completes `.next/standalone` after `next build`: the server there needs the static assets, the
// public folder, the migrations it applies at start, the manifests it seeds the embedded repo from
// and the Cloud page's data files.
import { cpSync, existsSync, rmSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");
if (!existsSync(path.join(standalone, "server.js"))) {
  console.error("No .next/standalone/server.js: run `next build` first.");
  process.exit(1);
}

const copies = [
  [".next/static", ".next/static"],
  ["public", "public"],
  ["prisma", "prisma"],
  ["manifests", "manifests"],
  // Read from disk by the Cloud page: the same limits file Terraform reads, and the price estimates.
  ["infra/free-tier-limits.json", "infra/free-tier-limits.json"],
  ["infra/oci-price-estimates.json", "infra/oci-price-estimates.json"],
];
for (const [from, to] of copies) {
  const source = path.join(root, from);
  if (!existsSync(source)) continue;
  const target = path.join(standalone, to);
  rmSync(target, { recursive: true, force: true });
  cpSync(source, target, { recursive: true });
}
console.log("Standalone server assembled in .next/standalone");
