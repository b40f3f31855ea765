import { statfs } from "node:fs/promises";

export type Check = { ok: true } | { ok: false; reason: string };
export type Readiness = { ready: boolean; checks: { database: Check; git: Check; disk: Check } };

/** Below this much free space in the data dir a write (database, clone, media) may not finish. */
export const minimumFreeBytes = 64 * 1024 * 1024;

/** The check's answer, or a refusal naming the budget when it has not answered within it. */
export async function withinBudget(
  check: Promise<Check>,
  budgetMs: number,
  what: string,
): Promise<Check> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<Check>((resolve) => {
    timer = setTimeout(
      () => resolve({ ok: false, reason: `${what} did not answer within ${budgetMs / 1000} s` }),
      budgetMs,
    );
  });
  try {
    return await Promise.race([check, late]);
  } finally {
    clearTimeout(timer);
  }
}

export async function diskCheck(dataDir: string, minimum = minimumFreeBytes): Promise<Check> {
  try {
    const stats = await statfs(dataDir);
    const free = stats.bavail * stats.bsize;
    if (free >= minimum) return { ok: true };
    return {
      ok: false,
      reason: `the data directory ${dataDir} has ${Math.floor(free / 1024 / 1024)} MiB free; writes need at least ${minimum / 1024 / 1024} MiB`,
    };
  } catch (error) {
    return {
      ok: false,
      reason: `the data directory ${dataDir} cannot be read: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}

/** All three checks, each within the budget, at once. */
export async function measureReadiness(
  checks: { database: () => Promise<Check>; git: () => Promise<Check>; disk: () => Promise<Check> },
  budgetMs: number,
): Promise<Readiness> {
  const [database, git, disk] = await Promise.all([
    withinBudget(checks.database(), budgetMs, "the database"),
    withinBudget(checks.git(), budgetMs, "the Git remote"),
    withinBudget(checks.disk(), budgetMs, "the data directory"),
  ]);
  return { ready: database.ok && git.ok && disk.ok, checks: { database, git, disk } };
}
