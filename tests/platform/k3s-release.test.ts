import { describe, expect, it } from "vitest";
import { sandboxK3sVersion } from "@/e2e/sandbox/k3s-release";
import { pinnedK3sVersion } from "@/e2e/support/pinned-k3s-version";

describe("the K3s release nodes report outside a real cluster", () => {
  it("is the release the platform pins, in the sandbox of scripts/up.sh", () => {
    expect(sandboxK3sVersion).toBe(pinnedK3sVersion());
  });
});
