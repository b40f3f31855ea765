import { retrySeconds, say, script, smeeChain } from "@/lib/bootmedia/ipxe/ipxe-lines";

/** Any machine: DHCP on whichever port answers, then Smee's script for that port's MAC. */
export function genericScript(options: { smeeScriptUrl: string }): string {
  return script([
    say("generic boot media."),
    ":net",
    say("getting an address by DHCP..."),
    "dhcp || goto net_failed",
    "goto smee",
    ":net_failed",
    say(`no DHCP answer on any network port; check cables and the DHCP server.`),
    say(`retrying in ${retrySeconds} seconds.`),
    `sleep ${retrySeconds} ||`,
    "goto net",
    ...smeeChain(options.smeeScriptUrl, "${netX/mac:hexhyp}"),
  ]);
}
