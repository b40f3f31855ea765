import { RelativeTime } from "@/components/ui/relative-time";
import type { EnrollmentTokenView } from "@/lib/bootmedia/list-enrollment-tokens";
import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import { RevokeTokenButton } from "./revoke-token-button";
import { ScrollRegion } from "@/components/ui/scroll-region";

/** Live enrollment tokens; operators may revoke each. */
export function TokenTable({
  tokens,
  canRevoke,
}: {
  tokens: EnrollmentTokenView[];
  canRevoke: boolean;
}) {
  if (tokens.length === 0) {
    return <p className="text-sm text-zinc-600 dark:text-zinc-400">No live enrollment tokens.</p>;
  }
  return (
    <ScrollRegion label="Boot media tokens">
      <table className="w-full text-left text-sm">
        <thead className="sticky top-0 border-b border-zinc-200 text-zinc-600 dark:border-zinc-800 dark:text-zinc-400">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              Server
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Media
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Made by
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Made
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Expires
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              Boots
            </th>
            {canRevoke ? (
              <th scope="col" className="py-2 font-medium">
                <span className="sr-only">Revoke</span>
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className="border-b border-zinc-100 dark:border-zinc-900">
              <td className="py-2 pr-4 font-mono">{token.server}</td>
              <td className="py-2 pr-4">
                {mediaArchName(token.arch)} {token.format === "iso" ? "ISO" : "USB"}
              </td>
              <td className="py-2 pr-4">{token.createdBy}</td>
              <td className="py-2 pr-4">
                <RelativeTime date={token.createdAt} />
              </td>
              <td className="py-2 pr-4">
                <RelativeTime date={token.expiresAt} />
              </td>
              <td className="py-2 pr-4">{token.boots}</td>
              {canRevoke ? (
                <td className="py-2">
                  <RevokeTokenButton tokenId={token.id} server={token.server} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
      </table>
    </ScrollRegion>
  );
}
