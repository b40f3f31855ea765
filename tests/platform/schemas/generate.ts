// Regenerates the kept schemas from the upstream CRDs:
//   npx tsx tests/platform/schemas/generate.ts [path/to/shared/reference]
import { readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { schemaDir, schemasFromReference } from "../lib/reference";

const root = process.argv[2] ? path.resolve(process.argv[2]) : undefined;
const schemas = schemasFromReference(root);
for (const file of readdirSync(schemaDir).filter((f) => f.endsWith(".json"))) {
  rmSync(path.join(schemaDir, file));
}
for (const [file, kept] of schemas) {
  writeFileSync(path.join(schemaDir, file), `${JSON.stringify(kept, null, 2)}\n`);
}
console.log(`wrote ${schemas.size} schemas to ${path.relative(process.cwd(), schemaDir)}`);
