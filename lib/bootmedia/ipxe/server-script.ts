import type { BootNetwork } from "@/lib/bootmedia/hardware-for-media";
import {
  refusalReported,
  retrySeconds,
  say,
  script,
  smeeChain,
  word,
} from "@/lib/bootmedia/ipxe/ipxe-lines";

export type ServerScriptInput = {
  server: string;
  network: BootNetwork;
  /** The console's public URL; the boot is reported to `<url>/api/boot/media/<token>`. */
  publicUrl: string;
  token: string;
  smeeScriptUrl: string;
};

// iPXE numbers ports net0, net1…; servers with more than eight are not a thing we have met.
const maxPorts = 8;
const reportAttempts = 3;
const nic = "${foundry-nic}";

function findPort(mac: string): string[] {
  return [
    "set foundry-nic",
    ...Array.from(
      { length: maxPorts },
      (_, i) => `iseq x\${net${i}/mac} x${mac} && set foundry-nic net${i} ||`,
    ),
    `isset ${nic} || goto no_port`,
  ];
}

function bringUp(network: BootNetwork): string[] {
  if (network.static === undefined) {
    return [say(`getting an address by DHCP on ${nic}...`), `dhcp ${nic} || goto net_failed`];
  }
  const { address, netmask, gateway, nameServers } = network.static;
  const dns = nameServers[0];
  return [
    say(`setting ${nic} to ${address}/${netmask}...`),
    `ifopen ${nic} || goto net_failed`,
    `set ${nic}/ip ${word(address, "IP address")}`,
    `set ${nic}/netmask ${word(netmask, "netmask")}`,
    ...(gateway ? [`set ${nic}/gateway ${word(gateway, "gateway")}`] : []),
    ...(dns ? [`set ${nic}/dns ${word(dns, "name server")}`] : []),
  ];
}

/** One server: its port by MAC, its static addresses (or DHCP), the call home, then Smee. */
export function serverScript(input: ServerScriptInput): string {
  const { server, network, publicUrl, token } = input;
  const mac = word(network.mac, "MAC address");
  const reportUrl =
    `${word(publicUrl, "console URL")}/api/boot/media/${word(token, "token")}` +
    `?mac=\${${nic}/mac:hexhyp}&ip=\${${nic}/ip}`;
  const refusalUrl = `${reportUrl}&event=netboot-refused`;
  const report = `imgfetch --name foundry-report ${reportUrl} && goto reported ||`;
  return script([
    say(`boot media for ${word(server, "server name")} (${mac}).`),
    ":net",
    ...findPort(mac),
    ...bringUp(network),
    "goto report",
    ":no_port",
    say(`this machine has no network port with MAC ${mac}: this medium is for ${server}.`),
    say(
      `use the generic medium or the medium made for this machine; retrying in ${retrySeconds} seconds.`,
    ),
    `sleep ${retrySeconds} ||`,
    "goto net",
    ":net_failed",
    say(`could not bring up ${nic}; check the cable and the Hardware's addresses.`),
    say(`retrying in ${retrySeconds} seconds.`),
    `sleep ${retrySeconds} ||`,
    "goto net",
    ":report",
    say(`reporting this boot to the console at ${new URL(publicUrl).host}...`),
    ...Array.from({ length: reportAttempts }, (_, i) =>
      i === 0 ? [report] : ["sleep 5 ||", report],
    ).flat(),
    say(
      "the console did not record this boot (unreachable, or this medium expired or was revoked).",
    ),
    say("booting on without it."),
    // A refusal is recorded only after a boot the console recorded.
    `set ${refusalReported} skipped`,
    "goto smee",
    ":reported",
    "imgfree foundry-report ||",
    say("boot reported to the console."),
    ...smeeChain(input.smeeScriptUrl, `\${${nic}/mac:hexhyp}`, refusalUrl),
  ]);
}
