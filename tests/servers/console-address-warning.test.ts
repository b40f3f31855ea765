import { describe, expect, it } from "vitest";
import { consoleAddressWarning } from "@/lib/servers/console-address-warning";
import { provisionChange } from "@/lib/servers/provision";
import { reprovisionChange } from "@/lib/servers/reprovision";

const input = { name: "rack1-node3", template: "ubuntu-2404", parameters: {} };

describe("the warning when servers would call the console on loopback", () => {
  it.each([
    "http://127.0.0.1:3000",
    "http://127.0.0.2:3000",
    "http://localhost:3000",
    "http://[::1]:3000",
    "http://console.localhost",
  ])("warns for %s", (url) => {
    expect(consoleAddressWarning(url)).toContain(`${url}, a loopback address`);
  });

  it.each([
    "http://10.0.2.2:3000",
    "https://foundry.example.com",
    "http://[fd7a:115c:a1e0::1]:3000",
  ])("is quiet for %s", (url) => {
    expect(consoleAddressWarning(url)).toBeUndefined();
  });

  it("is one of the consequences a provision or reprovision preview shows", () => {
    const warning = consoleAddressWarning("http://127.0.0.1:3000");
    expect(provisionChange(input, "http://127.0.0.1:3000").consequences).toContain(warning);
    expect(reprovisionChange(input, "http://127.0.0.1:3000", "/dev/sda").consequences).toContain(
      warning,
    );
    expect(provisionChange(input, "http://10.0.2.2:3000").consequences).toHaveLength(1);
  });
});
