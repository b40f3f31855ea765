import { ociErrorShape } from "@/lib/oci/sdk-schemas";

/**
 * One OCI call's failure in plain words for the page. Oracle's own error text names the
 * operation and the reason; keys and pass phrases never reach an error, so none can leak here.
 */
export function ociErrorMessage(error: unknown, call: string): string {
  const oci = ociErrorShape.safeParse(error);
  if (oci.success) {
    const { statusCode, serviceCode, message } = oci.data;
    const code = serviceCode ? ` ${serviceCode}` : "";
    if (statusCode === 401) {
      return `${call}: Oracle Cloud did not accept the request signature (401${code}). Check the user, fingerprint and key_file of the profile, and that its public key is added to the user.`;
    }
    if (statusCode === 404 || statusCode === 403) {
      return `${call}: not allowed or not found (${statusCode}${code}). Check the compartment and the policy that lets the console read it.`;
    }
    return `${call}: Oracle Cloud answered ${statusCode}${code}${message ? `: ${message}` : ""}`;
  }
  const text = error instanceof Error ? error.message : String(error);
  return `${call}: Oracle Cloud could not be reached (${text.slice(0, 200)})`;
}
