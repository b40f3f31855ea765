import { describe, expect, it } from "vitest";
import { reconcileRequestTime } from "@/lib/k8s/views/reconcile-time";

describe("reconcileRequestTime", () => {
  it("reads the RFC 3339 token the console and the flux CLI write", () => {
    expect(reconcileRequestTime("2026-12-04T04:56:08.773457043Z")).toBe("2026-12-04T04:56:08.773Z");
    expect(reconcileRequestTime("2026-12-04T05:56:08+01:00")).toBe("2026-12-04T04:56:08.000Z");
  });

  it("reads Go's time.String(), which notification-controller v1.9.2's Receiver writes", () => {
    expect(reconcileRequestTime("2026-12-04 04:56:08.773457043 +0000 UTC m=+26.449612788")).toBe(
      "2026-12-04T04:56:08.773Z",
    );
    expect(reconcileRequestTime("2026-12-04 06:56:08 +0200 CEST")).toBe("2026-12-04T04:56:08.000Z");
  });

  it("answers null for a token that is no time", () => {
    expect(reconcileRequestTime(null)).toBeNull();
    expect(reconcileRequestTime("")).toBeNull();
    expect(reconcileRequestTime("now please")).toBeNull();
    expect(reconcileRequestTime("1")).toBeNull();
    expect(reconcileRequestTime("2026-13-45 99:99:99 +0000 UTC")).toBeNull();
  });
});
