import { publicRoute } from "@/lib/auth/public-route";
import { recordMediaBoot } from "@/lib/bootmedia/record-media-boot";
import { eventBus } from "@/lib/events/process-bus";
import { bootMediaParts } from "@/lib/runtime/boot-media";

type Context = { params: Promise<{ token: string }> };

/**
 * Public (iPXE has no session): boot media call home here with their enrollment token, the MAC
 * and the address they came up with, and again with `event=netboot-refused` when Smee then gave
 * them nothing to boot. The token is the credential; a bad one gets 403.
 */
export const GET = publicRoute<Context>(async (request, { params }) => {
  const query = new URL(request.url).searchParams;
  const event = await recordMediaBoot(
    {
      input: {
        token: (await params).token,
        mac: query.get("mac"),
        ip: query.get("ip") ?? undefined,
        event: query.get("event") ?? undefined,
      },
    },
    bootMediaParts(),
  );
  const booted = event.kind === "booted";
  // The server's page, the list and Activity show the boot in every open browser.
  eventBus().publish({
    topic: "activity",
    invalidate: [["timeline"], ["servers"], ["activity"]],
    summary: booted
      ? `${event.server} booted from its media`
      : `${event.server} booted from its media, but Tinkerbell had nothing for it to boot`,
  });
  const recorded = booted ? "boot" : "refusal";
  return new Response(`#!ipxe\necho Metal Foundry: ${recorded} of ${event.server} recorded\n`, {
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
});
