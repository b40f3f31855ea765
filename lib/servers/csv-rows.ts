import { parseCsv } from "./csv";
import type { ServerSpecInput } from "./schema";

/**
 * The bulk form's columns. One row is one server: its first interface from mac/ip/netmask/
 * gateway/dns (static when ip is set), more DHCP interfaces from extra_macs (space-separated).
 */
export const csvColumns = [
  "name",
  "hostname",
  "mac",
  "ip",
  "netmask",
  "gateway",
  "dns",
  "extra_macs",
  "arch",
  "firmware",
  "disk",
  "site",
  "rack",
  "bmc_address",
  "bmc_secret",
] as const;

export type CsvRow = {
  row: number;
  input: Record<string, unknown> & Pick<ServerSpecInput, "name">;
};
export type CsvParse = {
  rows: CsvRow[];
  problems: { row: number; fields: Record<string, string[]> }[];
};

export function csvRows(text: string): CsvParse {
  const [header = [], ...body] = parseCsv(text);
  const columns = header.map((cell) => cell.trim().toLowerCase());
  const unknown = columns.filter((column) => !csvColumns.some((known) => known === column));
  const missing = ["name", "mac"].filter((column) => !columns.includes(column));
  if (unknown.length > 0 || missing.length > 0) {
    const fields: Record<string, string[]> = {};
    if (unknown.length > 0)
      fields.csv = [`unknown columns: ${unknown.join(", ")} (known: ${csvColumns.join(", ")})`];
    if (missing.length > 0) (fields.csv ??= []).push(`missing columns: ${missing.join(", ")}`);
    return { rows: [], problems: [{ row: 1, fields }] };
  }
  const rows = body.map((cells, index): CsvRow => {
    const cell = (column: (typeof csvColumns)[number]) => {
      const at = columns.indexOf(column);
      return at === -1 ? "" : (cells[at] ?? "").trim();
    };
    const name = cell("name");
    const first = cell("ip")
      ? {
          mode: "static" as const,
          mac: cell("mac"),
          address: cell("ip"),
          netmask: cell("netmask"),
          gateway: cell("gateway"),
          nameServers: cell("dns"),
        }
      : { mode: "dhcp" as const, mac: cell("mac") };
    const extras = cell("extra_macs")
      .split(/\s+/)
      .filter(Boolean)
      .map((mac) => ({ mode: "dhcp" as const, mac }));
    const bmc =
      cell("bmc_address") || cell("bmc_secret")
        ? { address: cell("bmc_address"), secretName: cell("bmc_secret") }
        : undefined;
    return {
      row: index + 2,
      input: {
        name,
        hostname: cell("hostname") || name,
        arch: cell("arch") || "x86_64",
        firmware: cell("firmware").toLowerCase() || "uefi",
        installDisk: cell("disk") || "/dev/sda",
        interfaces: [first, ...extras],
        site: cell("site"),
        rack: cell("rack"),
        ...(bmc ? { bmc } : {}),
      },
    };
  });
  return { rows, problems: [] };
}
