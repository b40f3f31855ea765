import { describe, expect, it } from "vitest";
import { signBody, verifyHmacSignature } from "@/lib/events/signature";

const encode = (text: string) => new TextEncoder().encode(text);

describe("HMAC signatures over the raw body", () => {
  it("accepts GitHub's published test vector", () => {
    expect(
      verifyHmacSignature({
        body: encode("Hello, World!"),
        header: "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
        secret: "It's a Secret to Everybody",
        allowed: ["sha256"],
      }),
    ).toBe(true);
  });

  it.each([
    ["sha256", "sha256"],
    ["sha512", "sha512"],
  ] as const)("accepts Flux's generic-hmac %s", (_label, algorithm) => {
    const body = encode('{"reason":"Progressing"}');
    const header = signBody(body, "flux-secret-0123456789", algorithm);
    expect(
      verifyHmacSignature({
        body,
        header,
        secret: "flux-secret-0123456789",
        allowed: ["sha256", "sha512"],
      }),
    ).toBe(true);
  });

  it.each([
    [
      "a tampered body",
      "Hello, World?",
      "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    ],
    ["no header", "Hello, World!", null],
    ["a truncated digest", "Hello, World!", "sha256=757107ea0eb2509fc211221cce984b8a"],
    ["an algorithm not allowed", "Hello, World!", "sha1=01b6a4a4d6b0c1f4b2d8f4c5c1d6a6f0b4e3c2d1"],
    ["not hex", "Hello, World!", `sha256=${"z".repeat(64)}`],
    [
      "no algorithm",
      "Hello, World!",
      "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
    ],
  ])("refuses %s", (_label, body, header) => {
    expect(
      verifyHmacSignature({
        body: encode(body),
        header,
        secret: "It's a Secret to Everybody",
        allowed: ["sha256"],
      }),
    ).toBe(false);
  });
});
