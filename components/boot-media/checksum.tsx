import { CopyButton } from "@/components/ui/copy-button";

/** A SHA-256 in full (people compare it by eye with `sha256sum`), copyable. */
export function Checksum({ sha256 }: { sha256: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <code className="font-mono text-xs break-all" aria-label="SHA-256">
        {sha256}
      </code>
      <CopyButton value={sha256} label="Copy the SHA-256" />
    </span>
  );
}

export function formatSize(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}
