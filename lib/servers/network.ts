/** IPv4 and MAC address rules shared by the form and the server; pure functions, no I/O. */
const octet = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
const ipv4Pattern = new RegExp(`^${octet}(\\.${octet}){3}$`);

export function isIpv4(text: string): boolean {
  return ipv4Pattern.test(text);
}

export function ipv4ToNumber(text: string): number {
  return text.split(".").reduce((sum, part) => sum * 256 + Number(part), 0);
}

function numberToIpv4(value: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(value / 2 ** shift) % 256).join(".");
}

/** A netmask as `255.255.255.0`, `/24` or `24`; returns the prefix length, or undefined. */
export function prefixLength(text: string): number | undefined {
  const trimmed = text.trim().replace(/^\//, "");
  if (/^([0-9]|[12][0-9]|3[0-2])$/.test(trimmed)) return Number(trimmed);
  if (!isIpv4(trimmed)) return undefined;
  const bits = ipv4ToNumber(trimmed).toString(2).padStart(32, "0");
  return /^1*0*$/.test(bits) ? (bits.indexOf("0") === -1 ? 32 : bits.indexOf("0")) : undefined;
}

export function netmaskOf(prefix: number): string {
  return numberToIpv4(prefix === 0 ? 0 : 2 ** 32 - 2 ** (32 - prefix));
}

export function sameSubnet(a: string, b: string, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  return Math.floor(ipv4ToNumber(a) / size) === Math.floor(ipv4ToNumber(b) / size);
}

/** Network or broadcast address of its subnet (only meaningful below /31). */
export function isNetworkOrBroadcast(address: string, prefix: number): boolean {
  if (prefix >= 31) return false;
  const size = 2 ** (32 - prefix);
  const offset = ipv4ToNumber(address) % size;
  return offset === 0 || offset === size - 1;
}

/**
 * A MAC in any common notation (aa:bb:.., AA-BB-.., aabb.ccdd.eeff, aabbccddeeff) as lowercase
 * colon form; undefined when it is not one.
 */
export function normaliseMac(text: string): string | undefined {
  const value = text.trim().toLowerCase();
  const hex = /^[0-9a-f]{2}([:-])[0-9a-f]{2}(\1[0-9a-f]{2}){4}$/.test(value)
    ? value.replace(/[:-]/g, "")
    : /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/.test(value)
      ? value.replace(/\./g, "")
      : /^[0-9a-f]{12}$/.test(value)
        ? value
        : undefined;
  return hex?.match(/../g)?.join(":");
}

/** Multicast and broadcast addresses (low bit of the first octet) are never a NIC's own. */
export function isUnicastMac(mac: string): boolean {
  const first = Number.parseInt(mac.slice(0, 2), 16);
  return first % 2 === 0 && mac !== "00:00:00:00:00:00";
}
