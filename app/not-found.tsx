import Link from "next/link";
import { connection } from "next/server";

/**
 * Rendered per request, not prerendered: the proxy's CSP nonce only reaches pages rendered on
 * demand, and a static 404 would have every script blocked.
 */
export default async function NotFound() {
  await connection();
  return (
    <main className="flex min-h-screen flex-col items-center justify-center gap-4 p-6">
      <h1 className="text-xl font-semibold tracking-tight">Page not found</h1>
      <Link href="/" className="text-sm font-medium text-sky-700 underline dark:text-sky-400">
        Back to the console
      </Link>
    </main>
  );
}
