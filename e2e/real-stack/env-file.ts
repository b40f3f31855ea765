import { readFileSync } from "node:fs";

/** A `NAME=value` file the real stack writes (DIR/env, DIR/ports.env): values have no quotes. */
export function readEnvFile(file: string): Record<string, string> {
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .trim()
      .split("\n")
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}
