import type { Metadata } from "next";
import { Checksum, formatSize } from "@/components/boot-media/checksum";
import { MediaKindPicker } from "@/components/boot-media/media-kind-picker";
import { WritingInstructions } from "@/components/boot-media/writing-instructions";
import { PageHeader } from "@/components/ui/page-header";
import { hasRole } from "@/lib/actor";
import { currentActor } from "@/lib/auth/current-actor";
import { bootMediaParts } from "@/lib/runtime/boot-media";
import { downloadGenericMedia } from "@/lib/bootmedia/download-generic-media";
import { listEnrollmentTokens } from "@/lib/bootmedia/list-enrollment-tokens";
import { mediaArchName } from "@/lib/bootmedia/media-arch-name";
import { mediaFileName } from "@/lib/bootmedia/media-file";
import { hardwareNames } from "@/lib/bootmedia/read-hardware";
import { bootMediaSearchParams } from "./search-params";
import { ServerMediaForm } from "./server-media-form";
import { settle } from "./settle";
import { TokenTable } from "./token-table";

export const metadata: Metadata = { title: "Boot media" };

export default async function BootMediaPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const actor = await currentActor();
  const { server, arch, format } = bootMediaSearchParams.parse(await searchParams);
  const deps = bootMediaParts();
  const operator = hasRole(actor, "operator");
  const [generic, servers, tokens] = await Promise.all([
    settle(() => downloadGenericMedia({ actor, input: { arch, format, audit: false } }, deps)),
    settle(async () => hardwareNames((await deps.headTree()).files)),
    listEnrollmentTokens({ actor, input: {} }, deps),
  ]);
  const query = new URLSearchParams({ arch: mediaArchName(arch), format }).toString();
  return (
    <>
      <PageHeader title="Boot media">
        iPXE images that bring a server up on its network and hand it to Tinkerbell.
      </PageHeader>
      <div className="space-y-8">
        <MediaKindPicker arch={arch} format={format} server={server} />

        <section aria-labelledby="generic" className="space-y-2">
          <h2 id="generic" className="text-base font-semibold">
            Generic media
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            For any machine on a network whose DHCP answers: it asks Smee for the script of the port
            that got an address. Holds no token.
          </p>
          {generic.ok ? (
            <div className="space-y-1 text-sm">
              <a
                className="font-medium text-blue-700 underline dark:text-blue-400"
                href={`/api/media/generic?${query}`}
                download
              >
                Download {generic.value.fileName}
              </a>{" "}
              ({formatSize(generic.value.image.size)})
              <p>
                SHA-256: <Checksum sha256={generic.value.image.sha256} />
              </p>
            </div>
          ) : (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {generic.message}
            </p>
          )}
        </section>

        <section aria-labelledby="per-server" className="space-y-2">
          <h2 id="per-server" className="text-base font-semibold">
            Per-server media
          </h2>
          <p className="text-sm text-zinc-600 dark:text-zinc-400">
            For a server without a DHCP server pointing at Tinkerbell: its static addresses from its
            Hardware, and an enrollment token with which it reports the boot to its timeline.
          </p>
          {!operator ? (
            <p className="text-sm">Making per-server media needs the operator role.</p>
          ) : servers.ok ? (
            <ServerMediaForm
              servers={servers.value}
              server={server}
              arch={arch}
              format={format}
              ttlHours={deps.bootMedia.tokenTtlHours}
            />
          ) : (
            <p role="alert" className="text-sm text-red-700 dark:text-red-400">
              {servers.message}
            </p>
          )}
        </section>

        <section aria-labelledby="tokens" className="space-y-2">
          <h2 id="tokens" className="text-base font-semibold">
            Live enrollment tokens
          </h2>
          <TokenTable tokens={tokens} canRevoke={operator} />
        </section>

        <WritingInstructions fileName={mediaFileName({ arch, format }, server)} />
      </div>
    </>
  );
}
