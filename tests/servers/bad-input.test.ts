import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { InvalidError, isDomainError } from "@/lib/errors";
import { errorResponse } from "@/lib/http/error-response";
import { registerServer } from "@/lib/servers/register";
import { registerServerSchema } from "@/lib/servers/schema";
import { createServerWorld, operator, serverInput, type ServerWorld } from "./server-world";
import { fieldIssues } from "@/lib/field-issues";

const nic = (fields: Record<string, unknown>) => ({
  interfaces: [
    {
      mode: "static",
      mac: "02:00:00:00:00:01",
      address: "10.0.0.10",
      netmask: "255.255.255.0",
      gateway: "10.0.0.1",
      ...fields,
    },
  ],
});
const dhcp = (mac: unknown) => ({ interfaces: [{ mode: "dhcp", mac }] });

/** [what, the input's changed fields, the field the refusal is shown beside] */
const table: [string, Record<string, unknown>, string][] = [
  ["empty name", { name: "" }, "name"],
  ["name with a slash", { name: "rack1/node3" }, "name"],
  ["name in capitals", { name: "Rack1-Node3" }, "name"],
  ["name that climbs", { name: "../etc" }, "name"],
  ["name with a leading dot", { name: ".hidden" }, "name"],
  ["name of dots", { name: ".." }, "name"],
  ["name with a space", { name: "rack 1" }, "name"],
  ["name with a newline", { name: "node\nkind: Secret" }, "name"],
  ["name as a YAML document start", { name: "---" }, "name"],
  ["name as a flow map", { name: "{a: b}" }, "name"],
  ["name as an anchor", { name: "&anchor" }, "name"],
  ["name as a tag", { name: "!!binary" }, "name"],
  ["name as an alias", { name: "*ref" }, "name"],
  ["name ending in a hyphen", { name: "node-" }, "name"],
  ["name starting with a hyphen", { name: "-node" }, "name"],
  ["name with an underscore", { name: "node_3" }, "name"],
  ["name with a dot", { name: "node.3" }, "name"],
  ["name too long", { name: "n".repeat(54) }, "name"],
  ["name with unicode", { name: "nodé" }, "name"],
  ["name with a NUL", { name: "node\u0000" }, "name"],
  ["name as a number", { name: 42 }, "name"],
  ["hostname with a space", { hostname: "my host" }, "hostname"],
  ["hostname with an underscore", { hostname: "my_host" }, "hostname"],
  ["hostname label too long", { hostname: `${"a".repeat(64)}.lab` }, "hostname"],
  ["hostname too long", { hostname: Array(60).fill("abcd").join(".") }, "hostname"],
  ["hostname with an empty label", { hostname: "a..b" }, "hostname"],
  ["hostname ending in a dot-hyphen", { hostname: "a.-b" }, "hostname"],
  ["hostname with a newline", { hostname: "a\nb" }, "hostname"],
  ["hostname as YAML", { hostname: "{host: x}" }, "hostname"],
  ["empty hostname", { hostname: "" }, "hostname"],
  ["arch unknown", { arch: "riscv64" }, "arch"],
  ["arch empty", { arch: "" }, "arch"],
  ["firmware unknown", { firmware: "coreboot" }, "firmware"],
  ["install disk relative", { installDisk: "sda" }, "installDisk"],
  ["install disk climbs", { installDisk: "/dev/../etc/passwd" }, "installDisk"],
  ["install disk outside /dev", { installDisk: "/etc/shadow" }, "installDisk"],
  ["install disk with a space", { installDisk: "/dev/sd a" }, "installDisk"],
  ["install disk with a newline", { installDisk: "/dev/sda\n- x" }, "installDisk"],
  ["install disk as a template", { installDisk: "/dev/{{ .x }}" }, "installDisk"],
  ["no interfaces", { interfaces: [] }, "interfaces"],
  [
    "nine interfaces",
    {
      interfaces: Array.from({ length: 9 }, (_, i) => ({
        mode: "dhcp",
        mac: `02:00:00:00:01:0${i}`,
      })),
    },
    "interfaces",
  ],
  ["MAC too short", dhcp("aa:bb:cc:dd:ee"), "interfaces.0.mac"],
  ["MAC with a bad digit", dhcp("aa:bb:cc:dd:ee:gg"), "interfaces.0.mac"],
  ["MAC with mixed separators", dhcp("aa:bb-cc:dd:ee:ff"), "interfaces.0.mac"],
  ["MAC broadcast", dhcp("ff:ff:ff:ff:ff:ff"), "interfaces.0.mac"],
  ["MAC multicast", dhcp("01:00:5e:00:00:01"), "interfaces.0.mac"],
  ["MAC all zero", dhcp("00:00:00:00:00:00"), "interfaces.0.mac"],
  ["MAC with YAML", dhcp("aa:bb:cc:dd:ee:ff\n---"), "interfaces.0.mac"],
  ["MAC empty", dhcp(""), "interfaces.0.mac"],
  [
    "same MAC twice",
    {
      interfaces: [
        { mode: "dhcp", mac: "02:00:00:00:00:05" },
        { mode: "dhcp", mac: "02-00-00-00-00-05" },
      ],
    },
    "interfaces.1.mac",
  ],
  [
    "interface mode unknown",
    { interfaces: [{ mode: "bootp", mac: "02:00:00:00:00:05" }] },
    "interfaces.0.mode",
  ],
  ["IP with an octet over 255", nic({ address: "10.0.0.256" }), "interfaces.0.address"],
  ["IP with leading zeros", nic({ address: "010.0.0.10" }), "interfaces.0.address"],
  ["IP as IPv6", nic({ address: "fe80::1" }), "interfaces.0.address"],
  ["IP as a host name", nic({ address: "node3" }), "interfaces.0.address"],
  ["IP is the network address", nic({ address: "10.0.0.0" }), "interfaces.0.address"],
  ["IP is the broadcast address", nic({ address: "10.0.0.255" }), "interfaces.0.address"],
  ["IP with YAML", nic({ address: "10.0.0.10 # x" }), "interfaces.0.address"],
  ["netmask not contiguous", nic({ netmask: "255.0.255.0" }), "interfaces.0.netmask"],
  ["netmask prefix too big", nic({ netmask: "/33" }), "interfaces.0.netmask"],
  ["netmask word", nic({ netmask: "class-c" }), "interfaces.0.netmask"],
  ["gateway outside the subnet", nic({ gateway: "10.0.1.1" }), "interfaces.0.gateway"],
  ["gateway is the server", nic({ gateway: "10.0.0.10" }), "interfaces.0.gateway"],
  ["gateway not an IP", nic({ gateway: "router" }), "interfaces.0.gateway"],
  ["DNS not an IP", nic({ nameServers: "dns.google" }), "interfaces.0.nameServers.0"],
  [
    "five DNS servers",
    nic({ nameServers: "1.1.1.1 1.0.0.1 8.8.8.8 8.8.4.4 9.9.9.9" }),
    "interfaces.0.nameServers",
  ],
  [
    "same IP on two interfaces",
    { interfaces: [nic({}).interfaces[0], { ...nic({ mac: "02:00:00:00:00:02" }).interfaces[0] }] },
    "interfaces.1.address",
  ],
  ["site with a slash", { site: "ams/1" }, "site"],
  ["site with a newline", { site: "ams\n1" }, "site"],
  ["site as a tag", { site: "!!str" }, "site"],
  ["rack too long", { rack: "r".repeat(64) }, "rack"],
  ["rack as a flow map", { rack: "{r: 1}" }, "rack"],
  ["BMC without a secret", { bmc: { address: "10.0.9.1", secretName: "" } }, "bmc.secretName"],
  [
    "BMC secret with a slash",
    { bmc: { address: "10.0.9.1", secretName: "ns/secret" } },
    "bmc.secretName",
  ],
  [
    "BMC address with a space",
    { bmc: { address: "10.0.9.1 x", secretName: "bmc" } },
    "bmc.address",
  ],
  [
    "BMC address as a URL with credentials",
    { bmc: { address: "https://root:calvin@10.0.9.1", secretName: "bmc" } }, // secretlint-disable-line
    "bmc.address",
  ],
  ["BMC port zero", { bmc: { address: "10.0.9.1", secretName: "bmc", port: 0 } }, "bmc.port"],
  [
    "BMC port above 65535",
    { bmc: { address: "10.0.9.1", secretName: "bmc", port: "70000" } },
    "bmc.port",
  ],
  [
    "BMC port as words",
    { bmc: { address: "10.0.9.1", secretName: "bmc", port: "https" } },
    "bmc.port",
  ],
  ["preview digest not a digest", { previewDigest: "abc" }, "previewDigest"],
];

describe("bad input is refused with the message beside its field, and the repository is unchanged", () => {
  let world: ServerWorld;
  let head: string;
  beforeAll(async () => {
    world = await createServerWorld();
    head = await world.head();
  });
  afterAll(async () => world?.close());

  it("has at least 60 cases", () => {
    expect(table.length).toBeGreaterThanOrEqual(60);
  });

  it.each(table)("%s", async (_what, change, field) => {
    const input = serverInput({ name: "bad-input", ...change });
    const form = registerServerSchema.safeParse(input);
    expect(form.success).toBe(false);
    expect(form.error?.issues.map((issue) => issue.path.join("."))).toContain(field);
    const error = await registerServer({ actor: operator, input }, world.deps()).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(InvalidError);
    if (!(error instanceof InvalidError)) return;
    expect(Object.keys(error.fields)).toContain(field);
    const response = errorResponse(error);
    expect(response.status).toBe(400);
    const body = (await response.json()) as { fields?: Record<string, string[]> };
    expect(body.fields?.[field]?.length).toBeGreaterThan(0);
    expect(isDomainError(error)).toBe(true);
  });

  it("committed nothing", async () => {
    expect(await world.head()).toBe(head);
    expect(world.audit.entries).toEqual([]);
  });

  it("normalises MACs from every common notation to lowercase colon form", () => {
    for (const mac of [
      "AA:BB:CC:DD:EE:0F",
      "aa-bb-cc-dd-ee-0f",
      "aabb.ccdd.ee0f",
      "AABBCCDDEE0F",
      " aa:bb:cc:dd:ee:0f ",
    ]) {
      const parsed = registerServerSchema.parse(serverInput(dhcp(mac)));
      expect(parsed.interfaces[0]?.mac).toBe("aa:bb:cc:dd:ee:0f");
    }
  });

  it("refuses a name in capitals with the lowercase one, instead of lowering it unseen", () => {
    const parsed = registerServerSchema.safeParse(serverInput({ name: "Rack1-Node3" }));
    expect(parsed.success).toBe(false);
    expect(parsed.error ? fieldIssues(parsed.error).name : undefined).toEqual([
      "must be lowercase: rack1-node3",
    ]);
  });

  it("says one thing per empty field: that it is required", () => {
    const parsed = registerServerSchema.safeParse(serverInput({ name: "", hostname: "" }));
    if (parsed.success) throw new Error("an empty name was accepted");
    const fields = fieldIssues(parsed.error);
    expect(fields.name).toEqual(["is required"]);
    expect(fields.hostname).toEqual(["is required"]);
  });
});
