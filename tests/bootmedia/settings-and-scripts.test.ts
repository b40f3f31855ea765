import path from "node:path";
import { describe, expect, it } from "vitest";
import { genericScript } from "@/lib/bootmedia/ipxe/generic-script";
import { serverScript } from "@/lib/bootmedia/ipxe/server-script";
import { EnvError, parseEnv } from "@/lib/settings/env-schema";
import { InvalidError } from "@/lib/errors";

const cwd = "/srv/foundry";

describe("boot media settings", () => {
  it("defaults: the console's own URL, no Smee, vendor/ipxe, 24 hours", () => {
    const { bootMedia } = parseEnv({}, cwd);
    expect(bootMedia).toEqual({
      publicUrl: "http://127.0.0.1:3000",
      smeeScriptUrl: undefined,
      ipxeDir: path.join(cwd, "vendor/ipxe"),
      cacheDir: path.join(cwd, "data", "boot-media"),
      tokenTtlHours: 24,
    });
  });

  it("reads Smee as a base URL or a URL with {mac}", () => {
    expect(
      parseEnv({ FOUNDRY_SMEE_URL: "http://10.0.0.5:7080/" }, cwd).bootMedia.smeeScriptUrl,
    ).toBe("http://10.0.0.5:7080/{mac}/auto.ipxe");
    expect(
      parseEnv({ FOUNDRY_SMEE_URL: "http://smee/{mac}/auto.ipxe" }, cwd).bootMedia.smeeScriptUrl,
    ).toBe("http://smee/{mac}/auto.ipxe");
  });

  it.each([
    ["FOUNDRY_PUBLIC_URL", "ftp://console"],
    ["FOUNDRY_PUBLIC_URL", "http://user:pw@console"],
    ["FOUNDRY_PUBLIC_URL", "http://console/${evil}"],
    ["FOUNDRY_SMEE_URL", "http://smee/a b"],
    ["FOUNDRY_ENROLLMENT_TOKEN_TTL_HOURS", "0"],
    ["FOUNDRY_ENROLLMENT_TOKEN_TTL_HOURS", "1000"],
  ])("refuses %s=%s in plain words", (name, value) => {
    expect(() => parseEnv({ [name]: value }, cwd)).toThrow(EnvError);
    expect(() => parseEnv({ [name]: value }, cwd)).toThrow(new RegExp(name));
  });
});

describe("iPXE scripts", () => {
  const smeeScriptUrl = "http://10.0.0.5:7080/ipxe/script/{mac}/auto.ipxe";

  it("generic: DHCP, then Smee for the MAC of the port that came up, retrying with a message", () => {
    const script = genericScript({ smeeScriptUrl });
    expect(script.startsWith("#!ipxe\n")).toBe(true);
    expect(script).toContain("dhcp || goto net_failed");
    expect(script).toContain(
      "chain --autofree http://10.0.0.5:7080/ipxe/script/${netX/mac:hexhyp}/auto.ipxe ||",
    );
    expect(script).toMatch(
      /echo Metal Foundry: Tinkerbell \(Smee at 10\.0\.0\.5:7080\) did not answer/,
    );
    expect(script).toContain("goto smee");
  });

  const input = {
    server: "rack1-node3",
    network: {
      mac: "aa:bb:cc:dd:ee:ff",
      static: {
        address: "192.168.1.20",
        netmask: "255.255.255.0",
        gateway: "192.168.1.1",
        nameServers: ["1.1.1.1"],
      },
    },
    publicUrl: "http://console.lab:3000",
    token: "T".repeat(43),
    smeeScriptUrl,
  };

  it("per server: its port by MAC, static addresses, the call home with the token, then Smee", () => {
    const script = serverScript(input);
    expect(script).toContain("iseq x${net0/mac} xaa:bb:cc:dd:ee:ff && set foundry-nic net0 ||");
    expect(script).toContain("set ${foundry-nic}/ip 192.168.1.20");
    expect(script).toContain("set ${foundry-nic}/gateway 192.168.1.1");
    expect(script).toContain("set ${foundry-nic}/dns 1.1.1.1");
    expect(script).toContain(
      `imgfetch --name foundry-report http://console.lab:3000/api/boot/media/${"T".repeat(43)}?mac=\${\${foundry-nic}/mac:hexhyp}&ip=\${\${foundry-nic}/ip} && goto reported ||`,
    );
    expect(script.indexOf(":report")).toBeLessThan(script.indexOf(":smee"));
  });

  it("per server: tells the console once per boot when Smee had nothing, and only after a recorded boot", () => {
    const script = serverScript(input);
    const lines = script.split("\n");
    const refusal =
      `isset \${foundry-refusal} || imgfetch --name foundry-refusal http://console.lab:3000/api/boot/media/${"T".repeat(43)}` +
      "?mac=${${foundry-nic}/mac:hexhyp}&ip=${${foundry-nic}/ip}&event=netboot-refused" +
      " && set foundry-refusal reported ||";
    const at = lines.indexOf(refusal);
    expect(at).toBeGreaterThan(lines.findIndex((line) => line.startsWith("chain --autofree")));
    expect(lines.slice(at).indexOf("goto smee")).toBeGreaterThan(1);
    // The path where the console did not record the boot marks the refusal as not to be told.
    const unrecorded = lines.indexOf("set foundry-refusal skipped");
    expect(unrecorded).toBeGreaterThan(lines.indexOf(":report"));
    expect(unrecorded).toBeLessThan(lines.indexOf(":reported"));
    expect(genericScript({ smeeScriptUrl })).not.toContain("foundry-refusal");
  });

  it("per server without static addresses: DHCP on that port", () => {
    const script = serverScript({ ...input, network: { mac: "aa:bb:cc:dd:ee:ff" } });
    expect(script).toContain("dhcp ${foundry-nic} || goto net_failed");
    expect(script).not.toContain("/ip 1");
  });

  it.each([
    ["server", { server: "rack1 node3" }],
    ["token", { token: "${evil}" }],
    ["console URL", { publicUrl: "http://console/#x" }],
  ])("refuses a %s that would change the script", (_what, change) => {
    expect(() => serverScript({ ...input, ...change })).toThrow(InvalidError);
  });
});
