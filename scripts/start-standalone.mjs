// Starts the standalone server built by `npm run build`. The data dir stays at the project root
// (not inside .next, which every build replaces) unless FOUNDRY_DATA_DIR says otherwise.
import { existsSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";

const root = path.resolve(import.meta.dirname, "..");
const standalone = path.join(root, ".next", "standalone");
const server = path.join(standalone, "server.js");
if (!existsSync(server)) {
  console.error("The console is not built yet: run `npm run build` first.");
  process.exit(1);
}

process.env.FOUNDRY_DATA_DIR = path.resolve(root, process.env.FOUNDRY_DATA_DIR ?? "data");
process.env.PORT ??= "3000";
process.env.HOSTNAME ??= "127.0.0.1";
process.env.NODE_ENV = "production";
process.chdir(standalone);
await import(pathToFileURL(server).href);
