import { describe, expect, it } from "vitest";
import { safeCallbackUrl } from "@/lib/auth/safe-callback-url";

describe("safeCallbackUrl", () => {
  it.each([
    ["/", "/"],
    ["/servers", "/servers"],
    ["/servers?status=failed#row-3", "/servers?status=failed#row-3"],
    ["/nodes/rack1-node3", "/nodes/rack1-node3"],
    ["/a/../servers", "/servers"],
  ])("keeps the same-origin path %s", (value, expected) => {
    expect(safeCallbackUrl(value)).toBe(expected);
  });

  it.each([
    undefined,
    null,
    42,
    ["/servers"],
    "",
    "https://evil.example",
    "http://127.0.0.1:3000/servers",
    "//evil.example",
    "//evil.example/servers",
    "///evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "servers",
    " /servers",
    "%2F%2Fevil.example",
    "/sign-in",
    "/sign-in?callbackUrl=https://evil.example",
    "/not-allowed",
    "/api/auth/signout",
    "/.//evil.example",
    "/a/..//evil.example",
    "/x/%2e%2e//evil.example/path",
    "/./..//evil.example",
    `/${"a".repeat(3000)}`,
  ])("sends %o home", (value) => {
    expect(safeCallbackUrl(value)).toBe("/");
  });

  it("keeps an encoded double slash inside the path harmless", () => {
    expect(safeCallbackUrl("/%2F%2Fevil.example")).toBe("/%2F%2Fevil.example");
  });
});
