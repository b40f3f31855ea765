import { ScrollRegion } from "@/components/ui/scroll-region";
import { freeTierReadStatements } from "@/lib/oci/policy-statements";

const codeBox = "mt-2 rounded bg-zinc-100 dark:bg-zinc-900";
const code = "p-3 font-mono text-xs text-zinc-900 dark:text-zinc-100";

/** What to set so the Cloud page can read the tenancy; it never shows a key or a pass phrase. */
export function NotConfigured({ configFile }: { configFile: string }) {
  return (
    <section
      aria-labelledby="cloud-setup"
      className="rounded-lg border border-dashed border-zinc-300 p-6 text-sm dark:border-zinc-700"
    >
      <h2 id="cloud-setup" className="text-base font-semibold">
        Oracle Cloud is not connected
      </h2>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">
        No OCI config file at <code>{configFile}</code> and <code>OCI_AUTH</code> is not set.
        Connect the console one of two ways, then restart it.
      </p>
      <h3 className="mt-5 font-semibold">
        On the control plane: instance principal (no key on disk)
      </h3>
      <p className="mt-1 max-w-prose text-zinc-700 dark:text-zinc-300">
        Set <code>OCI_AUTH=instance_principal</code>. <code>infra/terraform</code> already puts the
        control plane in the dynamic group <code>metal-foundry-control-plane</code> (
        <code>terraform output dynamic_group</code>); its policy must allow:
      </p>
      <ScrollRegion label="Policy statements" className={codeBox}>
        <pre className={code}>
          {freeTierReadStatements("dynamic-group metal-foundry-control-plane").join("\n")}
        </pre>
      </ScrollRegion>
      <h3 className="mt-5 font-semibold">Anywhere else: an OCI config file</h3>
      <p className="mt-1 max-w-prose text-zinc-700 dark:text-zinc-300">
        Run <code>oci setup config</code> (or add an API key to your user in the OCI Console), then
        point <code>OCI_CONFIG_FILE</code> at the file (default <code>~/.oci/config</code>) and{" "}
        <code>OCI_PROFILE</code> at the profile (default <code>DEFAULT</code>). The profile needs:
      </p>
      <ScrollRegion label="OCI config profile" className={codeBox}>
        <pre className={code}>
          {[
            "[DEFAULT]",
            "user=ocid1.user.oc1..…",
            "fingerprint=12:34:…",
            "key_file=~/.oci/oci_api_key.pem",
            "tenancy=ocid1.tenancy.oc1..…",
            "region=eu-frankfurt-1",
          ].join("\n")}
        </pre>
      </ScrollRegion>
      <p className="mt-2 max-w-prose text-zinc-700 dark:text-zinc-300">
        Its user&apos;s group needs the same read statements. <code>OCI_COMPARTMENT_ID</code>{" "}
        narrows the page to one compartment; by default it reads the whole tenancy&apos;s root
        compartment.
      </p>
    </section>
  );
}
