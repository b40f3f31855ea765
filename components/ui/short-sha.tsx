import { CopyButton } from "./copy-button";

/** A commit sha: short, copyable, and a link to the commit when the host has a web page for it. */
export function ShortSha({ sha, href }: { sha: string; href?: string }) {
  const short = <code className="font-mono text-xs">{sha.slice(0, 7)}</code>;
  return (
    <span className="inline-flex items-center gap-1" title={sha}>
      {href ? (
        <a href={href} className="underline decoration-dotted underline-offset-2">
          {short}
        </a>
      ) : (
        short
      )}
      <CopyButton value={sha} label={`Copy commit ${sha}`} />
    </span>
  );
}
