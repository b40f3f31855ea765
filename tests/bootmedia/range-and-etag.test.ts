import { describe, expect, it } from "vitest";
import { mediaResponse } from "@/lib/bootmedia/media-response";
import { mediaTemplate } from "@/lib/bootmedia/image/media-template";
import { patchImage } from "@/lib/bootmedia/image/patched-image";
import { findSlots, placeholderScript, slotSize } from "@/lib/bootmedia/image/script-slot";
import { decideRange, type ConditionalHeaders } from "@/lib/http/byte-range";

const etag = '"abc"';
const none: ConditionalHeaders = { range: null, ifRange: null, ifNoneMatch: null };

describe("decideRange", () => {
  it.each([
    ["no Range", {}, { kind: "full" }],
    ["first bytes", { range: "bytes=0-99" }, { kind: "partial", start: 0, end: 99 }],
    ["an open range", { range: "bytes=900-" }, { kind: "partial", start: 900, end: 999 }],
    ["a suffix", { range: "bytes=-100" }, { kind: "partial", start: 900, end: 999 }],
    [
      "a suffix longer than the file",
      { range: "bytes=-5000" },
      { kind: "partial", start: 0, end: 999 },
    ],
    [
      "an end past the size",
      { range: "bytes=990-5000" },
      { kind: "partial", start: 990, end: 999 },
    ],
    ["a start past the size", { range: "bytes=1000-" }, { kind: "unsatisfiable" }],
    ["an empty suffix", { range: "bytes=-0" }, { kind: "unsatisfiable" }],
    ["several ranges", { range: "bytes=0-1,5-6" }, { kind: "full" }],
    ["another unit", { range: "items=0-1" }, { kind: "full" }],
    ["a reversed range", { range: "bytes=50-10" }, { kind: "full" }],
    [
      "If-Range with our ETag",
      { range: "bytes=10-19", ifRange: etag },
      { kind: "partial", start: 10, end: 19 },
    ],
    ["If-Range with another ETag", { range: "bytes=10-19", ifRange: '"old"' }, { kind: "full" }],
    [
      "If-Range with a date",
      { range: "bytes=10-19", ifRange: "Sat, 21 Nov 2026 10:00:00 GMT" },
      { kind: "full" },
    ],
    ["If-None-Match with our ETag", { ifNoneMatch: `"x", ${etag}` }, { kind: "not-modified" }],
    ["If-None-Match weakly", { ifNoneMatch: `W/${etag}` }, { kind: "not-modified" }],
    ["If-None-Match *", { ifNoneMatch: "*" }, { kind: "not-modified" }],
    [
      "If-None-Match with another ETag",
      { ifNoneMatch: '"old"', range: "bytes=0-0" },
      { kind: "partial", start: 0, end: 0 },
    ],
  ])("%s", (_name, headers, expected) => {
    expect(decideRange({ ...none, ...headers }, etag, 1000)).toEqual(expected);
  });
});

describe("mediaResponse", () => {
  const bytes = Buffer.alloc(100_000, 7);
  placeholderScript().copy(bytes, 50_000);
  const template = mediaTemplate("t", bytes, findSlots(bytes, placeholderScript()), slotSize);
  const image = patchImage(template, "#!ipxe\necho hi\n");
  const full = Buffer.concat([...image.chunks()]);
  const download = {
    image,
    fileName: "foundry-generic-x86_64.iso",
    contentType: "application/x-iso9660-image",
    private: false,
  };
  const get = (headers: Record<string, string> = {}, method = "GET") =>
    mediaResponse(
      new Request("http://console.test/api/media/generic", { method, headers }),
      download,
    );

  it("sends the whole image with its length, ETag, digest and name", async () => {
    const response = get();
    expect(response.status).toBe(200);
    expect(response.headers.get("content-length")).toBe("100000");
    expect(response.headers.get("etag")).toBe(`"${image.sha256}"`);
    expect(response.headers.get("accept-ranges")).toBe("bytes");
    expect(response.headers.get("repr-digest")).toBe(
      `sha-256=:${Buffer.from(image.sha256, "hex").toString("base64")}:`,
    );
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="foundry-generic-x86_64.iso"',
    );
    expect(Buffer.from(await response.arrayBuffer()).equals(full)).toBe(true);
  });

  it("sends a range across the script slot", async () => {
    const response = get({ range: "bytes=49990-50009" });
    expect(response.status).toBe(206);
    expect(response.headers.get("content-range")).toBe("bytes 49990-50009/100000");
    expect(response.headers.get("content-length")).toBe("20");
    expect(Buffer.from(await response.arrayBuffer())).toEqual(full.subarray(49_990, 50_010));
  });

  it("resumes with If-Range, and restarts when the ETag changed", async () => {
    const tag = `"${image.sha256}"`;
    expect(get({ range: "bytes=100-", "if-range": tag }).status).toBe(206);
    const changed = get({ range: "bytes=100-", "if-range": '"other"' });
    expect(changed.status).toBe(200);
    expect(changed.headers.get("content-length")).toBe("100000");
  });

  it("answers 304 to a matching If-None-Match and 416 to an unsatisfiable range", () => {
    expect(get({ "if-none-match": `"${image.sha256}"` }).status).toBe(304);
    const refused = get({ range: "bytes=100000-" });
    expect(refused.status).toBe(416);
    expect(refused.headers.get("content-range")).toBe("bytes */100000");
  });

  it("answers HEAD with the headers and no body; per-server media are never stored", async () => {
    const head = get({}, "HEAD");
    expect(head.headers.get("content-length")).toBe("100000");
    expect(await head.text()).toBe("");
    const privateOne = mediaResponse(new Request("http://console.test/x"), {
      ...download,
      private: true,
    });
    expect(privateOne.headers.get("cache-control")).toBe("private, no-store");
  });
});
