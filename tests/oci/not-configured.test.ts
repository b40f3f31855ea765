import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { EnvError, parseEnv } from "@/lib/settings/env-schema";
import { buildCloudOverview } from "@/lib/oci/cloud-overview";
import { ociSettingsFrom } from "@/lib/settings/oci";
import { renderCloudView } from "./render";

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

describe("the Cloud page without Oracle Cloud settings", () => {
  it("explains how to configure it when there is no config file and no OCI_AUTH", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "foundry-oci-home-"));
    const settings = ociSettingsFrom({}, dir);
    expect(settings.auth).toEqual({
      kind: "config-file",
      configFile: path.join(dir, ".oci", "config"),
      profile: "DEFAULT",
      chosen: false,
    });
    const overview = await buildCloudOverview(settings);
    expect(overview).toEqual({
      state: "not-configured",
      configFile: path.join(dir, ".oci", "config"),
    });

    const { text } = renderCloudView(overview);
    expect(text).toContain("Oracle Cloud is not connected");
    expect(text).toContain("OCI_AUTH=instance_principal");
    expect(text).toContain(
      "Allow dynamic-group metal-foundry-control-plane to read instance-family in tenancy",
    );
    expect(text).toContain("OCI_CONFIG_FILE");
    expect(text).toContain("OCI_PROFILE");
  });

  it("treats a named but missing config file as an error, not as 'not configured'", async () => {
    const overview = await buildCloudOverview(
      parseEnv({ OCI_CONFIG_FILE: "/nonexistent/oci/config" }).oci,
    );
    expect(overview).toEqual({
      state: "failed",
      error: "The OCI config file /nonexistent/oci/config does not exist",
    });
    expect(renderCloudView(overview).text).toContain("Oracle Cloud could not be read");
  });

  it("names a missing profile without quoting the file", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "foundry-oci-config-"));
    const configFile = path.join(dir, "config");
    await writeFile(configFile, "[DEFAULT]\npass_phrase=hunter2-secret\nregion=eu-frankfurt-1\n");
    const missingProfile = await buildCloudOverview(
      parseEnv({ OCI_CONFIG_FILE: configFile, OCI_PROFILE: "CI" }).oci,
    );
    expect(missingProfile).toEqual({ state: "failed", error: `${configFile} has no [CI] profile` });
    const incomplete = await buildCloudOverview(parseEnv({ OCI_CONFIG_FILE: configFile }).oci);
    expect(incomplete).toEqual({
      state: "failed",
      error: `The [DEFAULT] profile in ${configFile} has no tenancy`,
    });
    expect(JSON.stringify([missingProfile, incomplete])).not.toContain("hunter2");
  });

  it("rejects OCI settings with plain words", () => {
    expect(() =>
      parseEnv({ OCI_ENDPOINT_OVERRIDE: "https://iaas.eu-frankfurt-1.oraclecloud.com" }),
    ).toThrow("OCI_ENDPOINT_OVERRIDE must point at 127.0.0.1, ::1 or localhost");
    expect(() => parseEnv({ OCI_AUTH: "api_key" })).toThrow(
      "OCI_AUTH must be 'config_file' or 'instance_principal'",
    );
    expect(() => parseEnv({ OCI_COMPARTMENT_ID: "my-compartment" })).toThrow(EnvError);
    expect(parseEnv({ OCI_AUTH: "instance_principal" }).oci.auth).toEqual({
      kind: "instance-principal",
    });
    expect(parseEnv({ OCI_ENDPOINT_OVERRIDE: "http://127.0.0.1:9000/" }).oci.endpointOverride).toBe(
      "http://127.0.0.1:9000",
    );
  });
});
