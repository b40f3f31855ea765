import path from "node:path";
import { defineConfig } from "vitest/config";

// The boots under QEMU: a step of their own in scripts/test.sh (real firmware, about a minute).
const root = path.resolve(import.meta.dirname, "../../..");

export default defineConfig({
  root,
  resolve: {
    alias: {
      "@": root,
      "server-only": path.join(root, "tests/support/empty-module.ts"),
    },
  },
  test: {
    include: ["tests/bootmedia/qemu/**/*.qemu.ts"],
    environment: "node",
    testTimeout: 240_000,
    hookTimeout: 120_000,
    pool: "forks",
    // One QEMU file at a time: two cores, and each boot is timed by firmware under TCG.
    fileParallelism: false,
  },
});
