import { describe, expect, it } from "vitest";
import { imageReferenceProblem } from "./lib/image-reference";

describe("image references, by the grammar the kubelet parses (distribution/reference v0.6.0)", () => {
  it.each([
    "nginx",
    "ghcr.io/octo/metal-foundry:0123456789abcdef0123456789abcdef01234567",
    "ghcr.io/octo-labs/metal_foundry.v2:latest",
    "localhost:5000/a/b:1.0",
    "Registry.Example.org/team/app",
    `ghcr.io/octo/app@sha256:${"a".repeat(64)}`,
    "ghcr.io/oracle/oci-cli:3.68.0",
  ])("accepts %s", (reference) => {
    expect(imageReferenceProblem(reference)).toBeUndefined();
  });

  it.each([
    ["ghcr.io/OWNER/metal-foundry:latest", /lower case/],
    ["octo/Metal-Foundry", /lower case/],
    [":0123abc", /repository name/],
    ["ghcr.io/octo/metal-foundry:", /tag/],
    ["ghcr.io/octo/-app", /repository name/],
    ["ghcr.io/octo/app@sha256:abc", /digest/],
    ["${CONSOLE_IMAGE}:latest", /repository name|registry/],
  ])("rejects %s", (reference, why) => {
    expect(imageReferenceProblem(reference)).toMatch(why);
  });
});
