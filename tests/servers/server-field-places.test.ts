import { describe, expect, it } from "vitest";
import { serverFieldPlace } from "@/components/servers/server-field-places";

describe("where the server form shows a refused field", () => {
  it("names a field by its label and the id of its input, never by the path", () => {
    expect(serverFieldPlace("name")).toEqual({ label: "Name", id: "name" });
    expect(serverFieldPlace("interfaces.0.mac")).toEqual({
      label: "MAC (interface 1)",
      id: "mac-0",
    });
    expect(serverFieldPlace("interfaces.2.nameServers")).toEqual({
      label: "DNS servers (interface 3)",
      id: "dns-2",
    });
    expect(serverFieldPlace("bmc.secretName")?.id).toBe("bmcSecret");
    expect(serverFieldPlace("bmc.port")?.id).toBe("bmcPort");
  });

  it("knows nothing of a path the form has no field for", () => {
    expect(serverFieldPlace("previewDigest")).toBeUndefined();
    expect(serverFieldPlace("interfaces.0.unknown")).toBeUndefined();
  });
});
