import "server-only";
import type { DatabaseClient } from "@/lib/db/client";

export type DatabaseHealth = { ok: true } | { ok: false; reason: string };

/** Error text without the connection string or its password, which drivers sometimes echo. */
function safeReason(error: unknown, secrets: string[]): string {
  const code =
    error instanceof Error && "code" in error && typeof error.code === "string" ? error.code : "";
  let text = error instanceof Error ? (error.message.split("\n")[0] ?? "") : "unknown error";
  for (const secret of secrets.filter((value) => value.length > 0)) {
    text = text.split(secret).join("***");
  }
  text = text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s'"]*/gi, "<url>");
  return [code, text]
    .filter((part) => part.length > 0)
    .join(": ")
    .slice(0, 200);
}

function secretsOf(databaseUrl: string): string[] {
  try {
    const url = new URL(databaseUrl);
    return [databaseUrl, url.password, decodeURIComponent(url.password)];
  } catch {
    return [databaseUrl];
  }
}

export async function checkDatabase(
  client: DatabaseClient,
  databaseUrl: string,
  timeoutMs = 2_000,
): Promise<DatabaseHealth> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<DatabaseHealth>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `no answer within ${timeoutMs} ms` }),
      timeoutMs,
    );
  });
  const probe = client.$queryRaw`SELECT 1`.then(
    (): DatabaseHealth => ({ ok: true }),
    (error: unknown): DatabaseHealth => ({
      ok: false,
      reason: safeReason(error, secretsOf(databaseUrl)),
    }),
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
