import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

// Inside the project (tmp/ is ignored) so the build finds its node_modules; `npm run bench` runs
// from the project root, as the other benchmarks assume.
const root = process.cwd();
const appDir = path.join(root, "tmp", "bare-next");

const files: Record<string, string> = {
  "next.config.mjs": 'export default { output: "standalone", poweredByHeader: false };\n',
  "app/layout.jsx": [
    "export default function Layout({ children }) {",
    '  return <html lang="en"><body>{children}</body></html>;',
    "}",
    "",
  ].join("\n"),
  // Without one of its own, the build takes the project's instrumentation.ts (the console's
  // start-up) from the folder above.
  "instrumentation.js": "export function register() {}\n",
  // Rendered on every request, as the console's overview is.
  "app/page.jsx": [
    'export const dynamic = "force-dynamic";',
    "export default function Page() {",
    "  return <main><h1>Overview</h1><p>{new Date().toISOString()}</p></main>;",
    "}",
    "",
  ].join("\n"),
};

function findServer(dir: string): string | undefined {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isFile() && entry.name === "server.js") return full;
    if (entry.isDirectory() && entry.name !== "node_modules") {
      const found = findServer(full);
      if (found) return found;
    }
  }
  return undefined;
}

/**
 * The reference the console's memory is measured against: one dynamic page, built by the same
 * Next.js the console uses, as a standalone server. Returns the path of its `server.js`.
 */
export function buildBareNext(): string {
  rmSync(appDir, { recursive: true, force: true });
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(appDir, name)), { recursive: true });
    writeFileSync(path.join(appDir, name), text);
  }
  execFileSync(
    process.execPath,
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build", appDir],
    {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    },
  );
  const server = findServer(path.join(appDir, ".next", "standalone"));
  if (!server) throw new Error("the bare Next.js build made no standalone server.js");
  return server;
}
