import { writeFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/http/error-response";
import { storageFailureOf } from "@/lib/storage-failure";

function thrownBy(write: () => void): unknown {
  try {
    write();
  } catch (error) {
    return error;
  }
  throw new Error("the write did not fail");
}

describe("a disk that cannot be written", () => {
  it("answers 507 with what happened when the disk is full (a real ENOSPC from /dev/full)", async () => {
    const enospc = thrownBy(() => writeFileSync("/dev/full", "x".repeat(4096)));
    const response = errorResponse(enospc);
    expect(response.status).toBe(507);
    expect(((await response.json()) as { error: string }).error).toMatch(
      /disk is full, so nothing was saved/,
    );
  });

  it("recognises a full or read-only SQLite database, and a git command that hit it", () => {
    expect(storageFailureOf(new Error("SqliteError: database or disk is full"))?.kind).toBe(
      "storage-full",
    );
    expect(
      storageFailureOf(
        new Error("git commit failed: error: unable to write file: No space left on device"),
      )?.kind,
    ).toBe("storage-full");
    const readOnly = storageFailureOf(new Error("attempt to write a readonly database"));
    expect(readOnly?.kind).toBe("unavailable");
    expect(readOnly?.message).toMatch(/read-only/);
  });

  it("leaves every other failure an internal error that says nothing of itself", async () => {
    const response = errorResponse(new Error("undefined is not a function"));
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({ error: "Internal error" });
    expect(storageFailureOf("not even an error")).toBeUndefined();
  });
});
