import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseEnv } from "@/lib/settings/env-schema";
import { builtInTemplateFiles } from "@/lib/manifests/os-templates/render-files";
import { controlPlaneConfig } from "./lib/cloud-init";
import { consoleSettings } from "./lib/console-settings";
import { repoRoot } from "./lib/reference";

/*
 * A server in a home lab joins K3s over Tailscale only. Tailscale itself cannot run here: the
 * stub answers `tailscale ip -4` and `tailscale status --json` in the shape the CLI prints
 * (Self.DNSName is fully qualified, with a trailing dot), and everything else is the real script
 * cloud-init runs.
 */
const work = mkdtempSync(path.join(tmpdir(), "foundry-k3s-join-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const { file } = controlPlaneConfig();

function runTailnetScript(
  name: string,
  status: { ip: string; dnsName: string },
): { code: number | null; stderr: string; k3s: string; platform: string } {
  const dir = path.join(work, name);
  spawnSync("mkdir", ["-p", dir]);
  const tailscale = path.join(dir, "tailscale");
  writeFileSync(
    tailscale,
    [
      "#!/bin/sh",
      `[ "$1 $2" = "ip -4" ] && { echo '${status.ip}'; exit 0; }`,
      `[ "$1 $2" = "status --json" ] && { echo '${JSON.stringify({ Self: { DNSName: status.dnsName } })}'; exit 0; }`,
      "exit 2",
    ].join("\n"),
  );
  chmodSync(tailscale, 0o755);
  const script = path.join(dir, "k3s-tailnet.sh");
  writeFileSync(script, file("/usr/local/sbin/foundry-k3s-tailnet"));
  const k3s = path.join(dir, "config.yaml");
  writeFileSync(k3s, file("/etc/rancher/k3s/config.yaml"));
  const platform = path.join(dir, "platform.env");
  writeFileSync(platform, file("/etc/foundry/platform.env"));
  const result = spawnSync("bash", [script, k3s, platform], {
    encoding: "utf8",
    env: { ...process.env, TAILSCALE: tailscale },
  });
  return {
    code: result.status,
    stderr: result.stderr,
    k3s: readFileSync(k3s, "utf8"),
    platform: readFileSync(platform, "utf8"),
  };
}

const joined = runTailnetScript("joined", {
  ip: "100.101.102.103",
  dnsName: "metal-foundry-control-plane.tail1234.ts.net.",
});

describe("the K3s server on the tailnet", () => {
  it("advertises its Tailscale address and serves a certificate for its tailnet name", () => {
    expect(joined.stderr).toBe("");
    expect(joined.code).toBe(0);
    const config = parse(joined.k3s) as Record<string, unknown>;
    expect(config["node-ip"]).toBe("100.101.102.103");
    expect(config["advertise-address"]).toBe("100.101.102.103");
    expect(config["tls-san"]).toEqual(
      expect.arrayContaining(["metal-foundry-control-plane.tail1234.ts.net", "100.101.102.103"]),
    );
    // The settings K3s had before stay as they were.
    expect(config["flannel-backend"]).toBe("none");
  });

  it("refuses to write an address agents cannot reach", () => {
    const noMagicDns = runTailnetScript("no-magicdns", { ip: "100.101.102.103", dnsName: "" });
    expect(noMagicDns.code).not.toBe(0);
    expect(noMagicDns.stderr).toContain("enable MagicDNS");
    const notTailnet = runTailnetScript("vcn", { ip: "10.0.0.12", dnsName: "cp.ts.net." });
    expect(notTailnet.code).not.toBe(0);
    expect(notTailnet.k3s).not.toContain("node-ip");
  });

  it("is configured after Tailscale is up and before K3s is installed, and the CA hash after", () => {
    const bootstrap = file("/usr/local/sbin/foundry-bootstrap");
    const at = (text: string): number => {
      const index = bootstrap.indexOf(text);
      expect(index, text).toBeGreaterThan(-1);
      return index;
    };
    expect(at("tailscale up")).toBeLessThan(at("foundry-k3s-tailnet /etc/rancher/k3s/config.yaml"));
    expect(at("foundry-k3s-tailnet")).toBeLessThan(at("get.k3s.io"));
    expect(at("get.k3s.io")).toBeLessThan(at("K3S_CA_HASH=$(sha256sum"));
    expect(at("K3S_CA_HASH=")).toBeLessThan(at("/usr/local/sbin/foundry-flux-handover"));
  });

  it("passes shellcheck", () => {
    const result = spawnSync(
      "shellcheck",
      ["--severity=style", path.join(repoRoot, "infra/k3s-tailnet.sh")],
      { encoding: "utf8" },
    );
    if (result.error && process.env.CI !== "true") return;
    expect(result.stdout).toBe("");
    expect(result.status).toBe(0);
  });
});

describe("a server joining from the home lab", () => {
  // The settings as the console reads them: cloud-init's platform.env, with what the bootstrap
  // appends, substituted into the console's ConfigMap the way Flux does.
  const settings = Object.fromEntries(
    `${joined.platform}K3S_CA_HASH=${"1".repeat(64)}\n`
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
  const data = (): Record<string, unknown> => consoleSettings(settings);

  it("is sent to the server's tailnet name, with its CA pinned, at the server's release", () => {
    const env = parseEnv(data() as Record<string, string>, "/srv/foundry");
    expect(env.enrollment.k3s).toEqual({
      url: "https://metal-foundry-control-plane.tail1234.ts.net:6443",
      caHash: "1".repeat(64),
      tokenTtlMinutes: 60,
      version: "v1.33.5+k3s1",
    });
  });

  it("joins the tailnet with the key read from a root-only file, never from its command line", () => {
    const ubuntu = builtInTemplateFiles().get("tinkerbell/templates/ubuntu-2404.yaml") ?? "";
    expect(ubuntu).toContain("tailscale up --auth-key=file:/run/foundry-tailscale-auth-key");
    expect(ubuntu).not.toMatch(/--auth-key="?\$/);
    expect(ubuntu).toContain("umask 077");
  });

  it("installs the release the credentials name, not the installer's latest", () => {
    const ubuntu = builtInTemplateFiles().get("tinkerbell/templates/ubuntu-2404.yaml") ?? "";
    expect(ubuntu).toContain('INSTALL_K3S_VERSION="$(field k3sVersion)"');
    expect(ubuntu).toMatch(/INSTALL_K3S_VERSION="\$\(field k3sVersion\)"[^\n]*\\\n[^\n]*K3S_URL=/);
  });
});
