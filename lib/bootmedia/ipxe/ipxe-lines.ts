import { InvalidError } from "@/lib/errors";
import { macPlaceholder } from "@/lib/settings/boot-media";

/*
 * iPXE scripts are plain lines of words: `${…}` expands settings, spaces split arguments and
 * `#` starts a comment. Every value the console puts into a script passes through `word`.
 */
export function word(value: string, what: string): string {
  if (!/^[A-Za-z0-9._~:/?&=%+,;()\-[\]{}@!*']+$/.test(value) || value.includes("${")) {
    throw new InvalidError(`The ${what} cannot go into an iPXE script: ${JSON.stringify(value)}.`);
  }
  return value;
}

/** A line on the server's screen; values in it have been through `word` (or are ours). */
export function say(text: string): string {
  if (/[#\n\r]/.test(text))
    throw new InvalidError(`This text cannot go into an iPXE script: ${text}`);
  return `echo Metal Foundry: ${text}`;
}

export const retrySeconds = 15;

/** Set once the media told the console that Smee had nothing (or when they must not tell it). */
export const refusalReported = "foundry-refusal";

/**
 * Chains to Smee for the given MAC expression; on failure says why on screen and tries again.
 * `refusalUrl` (already through `word`) is fetched once per boot when Smee first fails, so the
 * server's timeline says so.
 */
export function smeeChain(
  smeeScriptUrl: string,
  macExpression: string,
  refusalUrl?: string,
): string[] {
  const url = word(smeeScriptUrl, "Smee URL").replace(macPlaceholder, macExpression);
  const host = new URL(smeeScriptUrl.replace(macPlaceholder, "mac")).host;
  const report = refusalUrl
    ? [
        // Told once it got through: a console that did not answer is told on the next round.
        `isset \${${refusalReported}} || imgfetch --name ${refusalReported} ${refusalUrl} && set ${refusalReported} reported ||`,
        `imgfree ${refusalReported} ||`,
      ]
    : [];
  return [
    ":smee",
    say(`asking Tinkerbell (Smee at ${host}) what to boot...`),
    `chain --autofree ${url} ||`,
    say(`Tinkerbell (Smee at ${host}) did not answer or has nothing for this machine.`),
    ...report,
    say(`check that the Hardware exists and allows netboot; retrying in ${retrySeconds} seconds.`),
    `sleep ${retrySeconds} ||`,
    "goto smee",
  ];
}

export function script(lines: string[]): string {
  return `#!ipxe\n${lines.join("\n")}\n`;
}
