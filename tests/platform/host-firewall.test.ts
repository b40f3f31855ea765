import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { controlPlaneConfig } from "./lib/cloud-init";
import { repoRoot } from "./lib/reference";

/*
 * The real iptables, in a network namespace of the test's own (unshare -rn), loaded with the
 * rules OCI's Ubuntu image ships. That rule set is a stand-in written from Oracle's developer
 * blog ("Enabling Network Traffic to Ubuntu Images in OCI") and the rules.v4 users quote from
 * those images; the image itself cannot be booted here.
 */
const ociUbuntuRules = `*filter
:INPUT ACCEPT [0:0]
:FORWARD ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
-A INPUT -m state --state RELATED,ESTABLISHED -j ACCEPT
-A INPUT -p icmp -j ACCEPT
-A INPUT -i lo -j ACCEPT
-A INPUT -p udp -m udp --sport 123 -j ACCEPT
-A INPUT -p tcp -m state --state NEW -m tcp --dport 22 -j ACCEPT
-A INPUT -j REJECT --reject-with icmp-host-prohibited
-A FORWARD -j REJECT --reject-with icmp-host-prohibited
COMMIT
`;

const work = mkdtempSync(path.join(tmpdir(), "foundry-host-firewall-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const inCi = process.env.CI === "true";
const hasIptables =
  spawnSync("sh", ["-c", "PATH=$PATH:/usr/sbin:/sbin command -v iptables"]).status === 0;
const hasNamespaces = spawnSync("unshare", ["-rn", "true"]).status === 0;
if (inCi && !hasIptables) throw new Error("iptables is not installed (Debian package iptables)");
if (inCi && !hasNamespaces)
  throw new Error("unshare -rn fails: the test needs unprivileged user and network namespaces");

function inNamespace(runs: number): {
  code: number | null;
  stderr: string;
  rules: string;
  saved: string;
} {
  const fixture = path.join(work, "oci-ubuntu.rules");
  writeFileSync(fixture, ociUbuntuRules);
  const script = path.join(work, "host-firewall.sh");
  writeFileSync(script, controlPlaneConfig().file("/usr/local/sbin/foundry-host-firewall"));
  const saved = path.join(work, `rules-${runs}.v4`);
  const run = Array.from({ length: runs }, () => `bash '${script}' '${saved}'`).join(" && ");
  const result = spawnSync(
    "unshare",
    ["-rn", "sh", "-ec", `iptables-restore < '${fixture}' && ${run} && iptables -S`],
    { encoding: "utf8" },
  );
  return {
    code: result.status,
    stderr: result.stderr,
    rules: result.stdout,
    saved: spawnSync("cat", [saved], { encoding: "utf8" }).stdout,
  };
}

describe.runIf(hasIptables && hasNamespaces)("the control plane's host firewall", () => {
  const once = inNamespace(1);
  const input = once.rules.split("\n").filter((r) => r.startsWith("-A INPUT"));
  const position = (pattern: RegExp): number => input.findIndex((r) => pattern.test(r));

  it("accepts the Gateway's 80 and 443 and Tailscale's UDP port before the image's REJECT", () => {
    expect(once.stderr).toBe("");
    expect(once.code).toBe(0);
    const reject = position(/-j REJECT/);
    expect(reject).toBeGreaterThan(-1);
    for (const rule of [
      /-p tcp .*--dport 80 -j ACCEPT/,
      /-p tcp .*--dport 443 -j ACCEPT/,
      /-p udp .*--dport 41641 -j ACCEPT/,
    ]) {
      expect(position(rule), String(rule)).toBeGreaterThan(-1);
      expect(position(rule), String(rule)).toBeLessThan(reject);
    }
  });

  it("accepts the tailnet and Cilium's interfaces, and forwards pods' traffic", () => {
    const reject = position(/-j REJECT/);
    for (const rule of [
      /-i tailscale0 -j ACCEPT/,
      /-i cilium_host -j ACCEPT/,
      /-i lxc\+ -j ACCEPT/,
    ])
      expect(position(rule), String(rule)).toBeLessThan(reject);
    expect(once.rules).not.toMatch(/-A FORWARD .*REJECT/);
    // Anything else from the internet is still refused, as the image had it.
    expect(input.at(-1)).toMatch(/-j REJECT/);
  });

  it("saves what it set for the next boot, and adds nothing when run again", () => {
    expect(once.saved).toContain("--dport 443 -j ACCEPT");
    const twice = inNamespace(2);
    expect(twice.rules).toBe(once.rules);
  });

  it("runs before Tailscale and K3s, and passes shellcheck", () => {
    const bootstrap = controlPlaneConfig().file("/usr/local/sbin/foundry-bootstrap");
    expect(bootstrap.indexOf("foundry-host-firewall")).toBeGreaterThan(-1);
    expect(bootstrap.indexOf("foundry-host-firewall")).toBeLessThan(
      bootstrap.indexOf("tailscale up"),
    );
    const check = spawnSync(
      "shellcheck",
      ["--severity=style", path.join(repoRoot, "infra/host-firewall.sh")],
      {
        encoding: "utf8",
      },
    );
    if (check.error && !inCi) return;
    expect(check.stdout).toBe("");
  });
});
