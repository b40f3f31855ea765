import { spawn, spawnSync } from "node:child_process";
import { createHash, createPublicKey } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "./lib/reference";

const script = path.join(repoRoot, "scripts/ci/oci-token-exchange.sh");
const work = mkdtempSync(path.join(tmpdir(), "foundry-oci-exchange-"));
const jwt = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJyZXBvOm9jdG8vbWV0YWwtZm91bmRyeSJ9.c2ln";
const seen: { audience?: string; form?: URLSearchParams; basic?: string } = {};

function body(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let s = "";
    req.on("data", (d: Buffer) => (s += d.toString())).on("end", () => resolve(s));
  });
}

// Loopback doubles of GitHub's ID-token endpoint and the identity domain's token endpoint, which
// answer as GitHub's OIDC docs and the OCI Go SDK's token-exchange provider (common/auth) expect.
const server: Server = createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  if (req.method === "GET" && url.pathname === "/idtoken") {
    if (req.headers.authorization !== "Bearer request-token") return void res.writeHead(401).end();
    seen.audience = url.searchParams.get("audience") ?? "";
    res.end(JSON.stringify({ value: jwt }));
    return;
  }
  if (req.method === "POST" && url.pathname === "/oauth2/v1/token") {
    seen.basic = req.headers.authorization;
    void body(req).then((text) => {
      seen.form = new URLSearchParams(text);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ token: "upst-session-token" }));
    });
    return;
  }
  res.writeHead(404).end();
});

beforeAll(() => new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve)));
afterAll(() => {
  server.close();
  rmSync(work, { recursive: true, force: true });
});

function run(env: Record<string, string>): Promise<{ status: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn("bash", [script, "GITHUB_ACTIONS"], {
      env: { NODE_ENV: "test", PATH: process.env.PATH ?? "", HOME: work, ...env },
    });
    let output = "";
    child.stdout.on("data", (d: Buffer) => (output += d.toString()));
    child.stderr.on("data", (d: Buffer) => (output += d.toString()));
    child.on("close", (status) => resolve({ status, output }));
  });
}

describe("scripts/ci/oci-token-exchange.sh (GitHub OIDC token to an OCI session, no API key)", () => {
  it("passes shellcheck", () => {
    const result = spawnSync("shellcheck", ["--severity=style", script], { encoding: "utf8" });
    expect(result.stdout + result.stderr).toBe("");
  });

  it("exchanges the job's token for a UPST bound to a fresh key and writes the profile", async () => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const { status, output } = await run({
      ACTIONS_ID_TOKEN_REQUEST_URL: `${base}/idtoken?api-version=2.0`,
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: "request-token",
      OCI_DOMAIN_URL: `${base}/`,
      OCI_CLIENT_ID: "client id/1",
      OCI_CLIENT_SECRET: "client-secret",
      OCI_REGION: "eu-frankfurt-1",
      OCI_TENANCY_OCID: "ocid1.tenancy.oc1..example",
    });
    expect(output).not.toContain("client-secret");
    expect(status, output).toBe(0);
    // The audience the trust's client_claim_values hold: the OAuth client id.
    expect(seen.audience).toBe("client id/1");
    expect(seen.basic).toBe(`Basic ${Buffer.from("client id/1:client-secret").toString("base64")}`);
    const form = seen.form ?? new URLSearchParams();
    expect(form.get("grant_type")).toBe("urn:ietf:params:oauth:grant-type:token-exchange");
    expect(form.get("requested_token_type")).toBe("urn:oci:token-type:oci-upst");
    expect(form.get("subject_token_type")).toBe("jwt");
    expect(form.get("subject_token")).toBe(jwt);

    const dir = path.join(work, ".oci");
    const keyFile = path.join(dir, "GITHUB_ACTIONS/key.pem");
    const der = createPublicKey(readFileSync(keyFile)).export({ type: "spki", format: "der" });
    // public_key: the base64 DER SubjectPublicKeyInfo of the key the UPST is bound to.
    expect(form.get("public_key")).toBe(der.toString("base64"));
    expect(createPublicKey(readFileSync(keyFile)).asymmetricKeyDetails?.modulusLength).toBe(2048);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
    const tokenFile = path.join(dir, "GITHUB_ACTIONS/token");
    expect(readFileSync(tokenFile, "utf8")).toBe("upst-session-token");

    const fingerprint = (createHash("md5").update(der).digest("hex").match(/../g) ?? []).join(":");
    expect(readFileSync(path.join(dir, "config"), "utf8")).toBe(
      [
        "[GITHUB_ACTIONS]",
        "tenancy=ocid1.tenancy.oc1..example",
        "region=eu-frankfurt-1",
        `fingerprint=${fingerprint}`,
        `key_file=${keyFile}`,
        `security_token_file=${tokenFile}`,
        "",
      ].join("\n"),
    );
  });

  it("refuses to run without the job's id-token permission", async () => {
    const { status, output } = await run({
      OCI_DOMAIN_URL: "http://127.0.0.1:1",
      OCI_CLIENT_ID: "c",
      OCI_CLIENT_SECRET: "s",
      OCI_REGION: "r",
      OCI_TENANCY_OCID: "t",
    });
    expect(status).not.toBe(0);
    expect(output).toMatch(/id-token: write/);
  });
});
