/** Runs once when the server starts, before it serves: settings, migrations, the GitOps clone. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // `next build` loads this file in its workers too: nothing there may create a database or repo.
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { keepDeclaredLengths } = await import("./lib/http/declared-length");
  keepDeclaredLengths();
  const { startConsole } = await import("./lib/startup");
  await startConsole();
}
