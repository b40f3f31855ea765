/** Makes local mode impossible to miss: nobody signed in with GitHub, everyone here is admin. */
export function LocalModeBanner() {
  return (
    <div
      role="status"
      className="border-b border-amber-300 bg-amber-50 px-6 py-1.5 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-200"
    >
      <strong>Local mode</strong>: signed in as Local admin without GitHub. This console only
      listens on this machine; configure a GitHub OAuth app before exposing it.
    </div>
  );
}
