import { spawnSync } from "node:child_process";
import path from "node:path";
import { expect, it } from "vitest";

const root = path.resolve(__dirname, "../..");
const hasPrlimit = spawnSync("sh", ["-c", "command -v prlimit"]).status === 0;
if (process.env.CI === "true" && !hasPrlimit) throw new Error("prlimit (util-linux) is missing");

// The servers' inventory is read before every write; a repository with more files than the
// process may hold open must not turn every register, edit and decommission into EMFILE.
it.runIf(hasPrlimit)(
  "reads the inventory of 600 servers with 128 open files allowed",
  () => {
    const result = spawnSync(
      "prlimit",
      [
        "--nofile=128:128",
        path.join(root, "node_modules/.bin/tsx"),
        path.join(root, "tests/servers/support/inventory-of-many.ts"),
        "600",
      ],
      { cwd: root, encoding: "utf8" },
    );
    expect(result.stderr).not.toMatch(/EMFILE/);
    expect(result.status, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout.trim().split("\n").pop() ?? "{}")).toEqual({
      servers: 600,
      problems: 0,
    });
  },
  120_000,
);
