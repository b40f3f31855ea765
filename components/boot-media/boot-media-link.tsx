import Link from "next/link";

/** "Boot media" for one server, for the servers table: opens the page with the server chosen. */
export function BootMediaLink({ server }: { server: string }) {
  return (
    <Link
      href={`/boot-media?server=${encodeURIComponent(server)}`}
      className="text-sm text-blue-700 underline-offset-2 hover:underline focus-visible:outline-2 dark:text-blue-400"
      aria-label={`Boot media for ${server}`}
    >
      Boot media
    </Link>
  );
}
