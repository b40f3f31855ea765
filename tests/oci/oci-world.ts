import { createHash, createPublicKey, generateKeyPairSync } from "node:crypto";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { startOciApiDouble, type OciApiDouble, type OciTenancy } from "@/e2e/doubles/oci-api";
import { parseEnv } from "@/lib/settings/env-schema";
import type { OciSettings } from "@/lib/settings/oci";

export const tenancyId = "ocid1.tenancy.oc1..aaaaaaaafoundrytesttenancy";
export const userId = "ocid1.user.oc1..aaaaaaaafoundrytestuser";

/** OCI's fingerprint: the MD5 of the DER public key, as colon-separated hex pairs. */
function fingerprintOf(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: "spki", format: "der" });
  return (createHash("md5").update(der).digest("hex").match(/../g) ?? []).join(":");
}

function rsaPair() {
  return generateKeyPairSync("rsa", {
    modulusLength: 2048,
    publicKeyEncoding: { type: "spki", format: "pem" },
    privateKeyEncoding: { type: "pkcs8", format: "pem" },
  });
}

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();

export function instance(name: string, shape: string, ocpus: number, memoryInGBs: number, day = 1) {
  return {
    id: `ocid1.instance.oc1.eu-frankfurt-1.${name}`,
    displayName: name,
    compartmentId: tenancyId,
    availabilityDomain: "Uocm:EU-FRANKFURT-1-AD-1",
    region: "eu-frankfurt-1",
    shape,
    shapeConfig: { ocpus, memoryInGBs },
    lifecycleState: "RUNNING",
    timeCreated: at(day),
  };
}

export function volume(name: string, sizeInGBs: number, day = 1) {
  return {
    id: `ocid1.volume.oc1.eu-frankfurt-1.${name}`,
    displayName: name,
    compartmentId: tenancyId,
    availabilityDomain: "Uocm:EU-FRANKFURT-1-AD-1",
    sizeInGBs,
    sizeInMBs: sizeInGBs * 1024,
    vpusPerGB: 10,
    lifecycleState: "AVAILABLE",
    timeCreated: at(day),
  };
}

export function loadBalancer(name: string, maximumBandwidthInMbps: number, day = 1) {
  return {
    id: `ocid1.loadbalancer.oc1.eu-frankfurt-1.${name}`,
    displayName: name,
    compartmentId: tenancyId,
    shapeName: "flexible",
    shapeDetails: { minimumBandwidthInMbps: 10, maximumBandwidthInMbps },
    lifecycleState: "ACTIVE",
    timeCreated: at(day),
    ipAddresses: [],
  };
}

/** What `infra/terraform` creates, and nothing else: all Always Free. */
export function freeOnlyTenancy(): OciTenancy {
  return {
    compartmentId: tenancyId,
    namespace: "foundrytest",
    instances: [
      instance("control-plane", "VM.Standard.E2.1.Micro", 1, 1, 1),
      instance("worker-a1", "VM.Standard.A1.Flex", 2, 12, 2),
      { ...instance("old-worker", "VM.Standard.E4.Flex", 4, 64, 3), lifecycleState: "TERMINATED" },
    ],
    bootVolumes: [volume("control-plane-boot", 50, 1), volume("worker-boot", 50, 2)],
    volumes: [volume("data", 50, 3)],
    buckets: [
      { name: "tfstate", timeCreated: at(1), approximateSize: 3 * 1024 ** 2, approximateCount: 12 },
      { name: "backups", timeCreated: at(1), approximateSize: 5 * 1024 ** 3, approximateCount: 40 },
      { name: "media", timeCreated: at(2), approximateSize: 1024 ** 3, approximateCount: 3 },
    ],
    loadBalancers: [loadBalancer("ingress", 10, 1)],
    costs: [{ computedAmount: 0, currency: "USD" }],
  };
}

export type OciTestWorld = {
  dir: string;
  configFile: string;
  api: OciApiDouble;
  settings(extra?: Record<string, string>): OciSettings;
  close(): Promise<void>;
};

/**
 * A key pair, an OCI config file naming it and a loopback double that knows only its public key.
 * `signWith: "other-key"` writes a different private key into the config: every call is refused.
 */
export async function createOciWorld(
  tenancy: OciTenancy,
  options: { signWith?: "registered-key" | "other-key" } = {},
): Promise<OciTestWorld> {
  const dir = await mkdtemp(path.join(tmpdir(), "foundry-oci-"));
  const registered = rsaPair();
  const used = options.signWith === "other-key" ? rsaPair() : registered;
  const fingerprint = fingerprintOf(registered.publicKey);
  const keyFile = path.join(dir, "oci_api_key.pem");
  await writeFile(keyFile, used.privateKey, { mode: 0o600 });
  const configFile = path.join(dir, "config");
  await writeFile(
    configFile,
    [
      "[DEFAULT]",
      `user=${userId}`,
      `fingerprint=${fingerprint}`,
      `key_file=${keyFile}`,
      `tenancy=${tenancyId}`,
      "region=eu-frankfurt-1",
      "",
    ].join("\n"),
    { mode: 0o600 },
  );
  const api = await startOciApiDouble({
    keyId: `${tenancyId}/${userId}/${fingerprint}`,
    publicKeyPem: registered.publicKey,
    tenancy,
  });
  return {
    dir,
    configFile,
    api,
    settings: (extra = {}) =>
      parseEnv({ OCI_CONFIG_FILE: configFile, OCI_ENDPOINT_OVERRIDE: api.url, ...extra }, dir).oci,
    async close() {
      await api.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
