import { describe, expect, it } from "vitest";
import { bootNetwork } from "@/lib/bootmedia/ipxe/boot-network";
import { readHardware } from "@/lib/bootmedia/read-hardware";
import { NotFoundError, UnavailableError } from "@/lib/errors";
import { hardwareFile } from "@/lib/servers/paths";
import { serverRecordOf } from "@/lib/servers/server-record";
import { hardwareYaml, type HardwareSeed } from "@/tests/bootmedia/support/boot-world";

const server = "rack1-node3";
const staticSeed: HardwareSeed = {
  name: server,
  mac: "aa:bb:cc:dd:ee:01",
  ip: { address: "10.0.1.13", netmask: "255.255.255.0", gateway: "10.0.1.1" },
  nameServers: ["10.0.1.1", "1.1.1.1"],
  bmc: { address: "10.0.9.13", secretName: "bmc-rack1-node3" },
};

function treeWith(text: string | undefined) {
  return { read: async (path: string) => (path === hardwareFile(server) ? text : undefined) };
}

const networkOf = async (text: string) => bootNetwork(await readHardware(treeWith(text), server));

async function refusal(text: string | undefined): Promise<unknown> {
  return readHardware(treeWith(text), server).then(
    () => undefined,
    (error: unknown) => error,
  );
}

describe("readHardware", () => {
  it("reads the network of a server with a BMC, whose file holds the Hardware and Rufio's Machine", async () => {
    expect(await networkOf(hardwareYaml(staticSeed))).toEqual({
      mac: "aa:bb:cc:dd:ee:01",
      static: {
        address: "10.0.1.13",
        netmask: "255.255.255.0",
        gateway: "10.0.1.1",
        nameServers: ["10.0.1.1", "1.1.1.1"],
      },
    });
  });

  it("reads a server on DHCP as its MAC alone", async () => {
    expect(await networkOf(hardwareYaml({ name: server, mac: "aa:bb:cc:dd:ee:02" }))).toEqual({
      mac: "aa:bb:cc:dd:ee:02",
    });
  });

  it("says there is no such server when the file is missing", async () => {
    const error = await refusal(undefined);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toHaveProperty("message", `No server named ${server}.`);
  });

  it("says the file is not YAML", async () => {
    const error = await refusal("kind: Hardware\n  spec: [\n");
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toHaveProperty("message", `The Hardware file of ${server} is not valid YAML.`);
  });

  it.each([
    {
      problem: "a MAC that is not one",
      from: "mac: aa:bb:cc:dd:ee:01",
      to: "mac: 'aa:bb:cc:dd:ee:01 || shell'",
      field: "spec.interfaces.0.dhcp.mac",
    },
    {
      problem: "an address that is not IPv4",
      from: "address: 10.0.1.13",
      to: "address: 10.0.1.313",
      field: "spec.interfaces.0.dhcp.ip.address",
    },
    {
      problem: "a static address without a netmask",
      from: "netmask: 255.255.255.0\n          gateway",
      to: "gateway",
      field: "spec.interfaces.0.dhcp.ip.netmask",
    },
    {
      problem: "a name server that is not IPv4",
      from: "- 1.1.1.1",
      to: "- one.one.one.one",
      field: "spec.interfaces.0.dhcp.name_servers.1",
    },
  ])("refuses $problem, naming the field", async ({ from, to, field }) => {
    const text = hardwareYaml(staticSeed);
    expect(text).toContain(from);
    const error = await refusal(text.replace(from, to));
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toHaveProperty(
      "message",
      `The Hardware file of ${server} cannot be read for boot media (${field}).`,
    );
  });

  it("reads the file as the servers domain does: what the Servers list cannot read, media refuse", async () => {
    const upperCase = hardwareYaml(staticSeed).replace(
      "mac: aa:bb:cc:dd:ee:01",
      "mac: AA:BB:CC:DD:EE:01",
    );
    expect(serverRecordOf(hardwareFile(server), upperCase)).toBeUndefined();
    expect(await refusal(upperCase)).toHaveProperty(
      "message",
      `The Hardware file of ${server} cannot be read for boot media (spec.interfaces.0.dhcp.mac).`,
    );
  });

  it("refuses a file that holds no Hardware", async () => {
    const machineOnly = hardwareYaml(staticSeed).split("---\n")[1] ?? "";
    expect(machineOnly).toContain("kind: Machine");
    expect(await refusal(machineOnly)).toHaveProperty(
      "message",
      `The Hardware file of ${server} cannot be read for boot media (document).`,
    );
  });

  it("refuses a file whose Hardware is another server's", async () => {
    const error = await refusal(hardwareYaml({ ...staticSeed, name: "rack1-node4" }));
    expect(error).toBeInstanceOf(UnavailableError);
    expect(error).toHaveProperty("message", `The Hardware file of ${server} names another server.`);
  });
});
