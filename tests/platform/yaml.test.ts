import { describe, expect, it } from "vitest";
import { parseFile, yamlFiles } from "./lib/yaml-files";

describe("YAML under manifests/ and infra/", () => {
  const files = yamlFiles("manifests", "infra");

  it("finds the files", () => {
    expect(files.length).toBeGreaterThan(40);
  });

  it.each(files.map((file) => [parseFile(file)] as const))("$0.file parses", (parsed) => {
    expect(parsed.errors).toEqual([]);
    expect(parsed.docs.length).toBeGreaterThan(0);
  });
});
