import "server-only";
import { existsSync } from "node:fs";
import type { AuthenticationDetailsProvider } from "oci-common";
import type { OciSettings } from "@/lib/settings/oci";
import { withTimeout } from "@/lib/oci/with-timeout";

export type OciIdentity = {
  provider: AuthenticationDetailsProvider;
  tenancyId: string;
  region: string;
  /** Said on the page: how the console signed in to Oracle Cloud. */
  method: string;
};

export type OciConnection =
  | { state: "not-configured"; configFile: string }
  | { state: "failed"; error: string }
  | { state: "ready"; identity: OciIdentity };

/**
 * The SDK's config-file errors can quote a line of the file, which may hold a pass phrase:
 * they are replaced by our own words, naming only the file, the profile and the missing key.
 */
function configFileProblem(error: unknown, file: string, profile: string): string {
  const text = error instanceof Error ? error.message : String(error);
  if (text.startsWith("No profile named")) return `${file} has no [${profile}] profile`;
  const missing = /^missing (\w+) in config/.exec(text);
  if (missing) return `The [${profile}] profile in ${file} has no ${missing[1]}`;
  if (text.startsWith("Failed to read private key")) {
    return `The key_file named by the [${profile}] profile in ${file} could not be read`;
  }
  if (text.startsWith("Region not specified")) {
    return `The [${profile}] profile in ${file} has no region (e.g. region=eu-frankfurt-1)`;
  }
  return `${file} could not be read as an OCI config file`;
}

/** The SDK (~37 MB resident with its clients) is loaded only once there is something to sign in with. */
async function fromConfigFile(
  settings: Extract<OciSettings["auth"], { kind: "config-file" }>,
): Promise<OciConnection> {
  const { configFile, profile } = settings;
  if (!existsSync(configFile)) {
    return settings.chosen
      ? { state: "failed", error: `The OCI config file ${configFile} does not exist` }
      : { state: "not-configured", configFile };
  }
  const { ConfigFileAuthenticationDetailsProvider } = await import("oci-common");
  try {
    const provider = new ConfigFileAuthenticationDetailsProvider(configFile, profile);
    return {
      state: "ready",
      identity: {
        provider,
        tenancyId: provider.getTenantId(),
        region: provider.getRegion().regionId,
        method: `config file ${configFile}, profile ${profile}`,
      },
    };
  } catch (error) {
    return { state: "failed", error: configFileProblem(error, configFile, profile) };
  }
}

async function fromInstancePrincipal(): Promise<OciConnection> {
  const { InstancePrincipalsAuthenticationDetailsProviderBuilder } = await import("oci-common");
  try {
    const builder = new InstancePrincipalsAuthenticationDetailsProviderBuilder();
    const provider = await withTimeout(builder.build(), 20_000, "the instance metadata service");
    return {
      state: "ready",
      identity: {
        provider,
        tenancyId: builder.tenancyId,
        region: provider.getRegion().regionId,
        method: "instance principal",
      },
    };
  } catch {
    return {
      state: "failed",
      error:
        "OCI_AUTH is instance_principal, but this machine's instance identity could not be read: " +
        "it works only on an OCI instance in the console's dynamic group",
    };
  }
}

export async function connectOci(settings: OciSettings): Promise<OciConnection> {
  return settings.auth.kind === "instance-principal"
    ? fromInstancePrincipal()
    : fromConfigFile(settings.auth);
}
