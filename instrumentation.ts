/** Runs once when the server starts, before it serves: settings, migrations, the GitOps clone. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startConsole } = await import("./lib/startup");
  await startConsole();
}
