import { claimReferenceName, claimSecretKey } from "../build-hardware";
import { actionImages, partitionDisk, writeFileAction, type PartitionRef } from "../build-template";
import type { TemplateAction } from "../template";
import { toYaml } from "../yaml-document";
import { firstBootScript } from "./first-boot-script";

/*
 * What every template that joins the cluster leaves on the installed root file system: a
 * NoCloud seed whose cloud-init runs the first-boot script, the console's address, and the
 * one-time enrollment token fetched while the install runs, claimed with this install's claim
 * secret, which Tinkerbell renders in from the cluster. No secret is in here: the server trades
 * that token for its credentials at first boot (docs/servers/first-boot-credentials.md).
 */
export type RootFileSystem = { partition: PartitionRef; fsType: string };

export const firstBootNetplan = [
  "network:",
  "  version: 2",
  "  ethernets:",
  "    primary:",
  "      match:",
  '        macaddress: "{{ .device_1 }}"',
  '{{- if eq .network_mode "static" }}',
  '      addresses: ["{{ .ip_cidr }}"]',
  "      routes:",
  "        - to: default",
  '          via: "{{ .gateway }}"',
  "      nameservers:",
  "        addresses: [{{ .name_servers }}]",
  "{{- else }}",
  "      dhcp4: true",
  "{{- end }}",
  "",
].join("\n");

const userData = `#cloud-config\n${toYaml({
  hostname: "{{ .hostname }}",
  timezone: "{{ .timezone }}",
  package_update: true,
  packages: ["curl", "ca-certificates", "python3"],
  write_files: [
    { path: "/usr/local/sbin/foundry-first-boot", permissions: "0700", content: firstBootScript },
  ],
  runcmd: [["/usr/local/sbin/foundry-first-boot"]],
})}`;

const metaData = toYaml({
  "instance-id": "{{ .foundry_server }}-{{ .foundry_generation }}",
  "local-hostname": "{{ .hostname }}",
});

const enrollmentEnv = [
  "FOUNDRY_URL={{ .foundry_url }}",
  "FOUNDRY_SERVER={{ .foundry_server }}",
  "FOUNDRY_HOSTNAME={{ .hostname }}",
  "",
].join("\n");

const fetchTokenScript = [
  "set -eu",
  "mkdir -p /mnt/target",
  'mount -t "$FS_TYPE" "$DEST_DISK" /mnt/target',
  "mkdir -p -m 0700 /mnt/target/etc/foundry",
  "token=/mnt/target/etc/foundry/enrollment-token",
  // The console issues the token only once its cluster view shows this step running; the watch
  // can lag the install by a moment, so a refusal is tried again a few times before failing.
  "for attempt in 1 2 3 4 5 6 7 8 9 10; do",
  '  if wget -q --header "X-Foundry-Claim: $CLAIM_SECRET" -O "$token.part" "$TOKEN_URL"; then break; fi',
  '  rm -f "$token.part"',
  '  if [ "$attempt" -eq 10 ]; then umount /mnt/target; exit 1; fi',
  "  sleep 6",
  "done",
  'chmod 0600 "$token.part"',
  'mv "$token.part" "$token"',
  "umount /mnt/target",
].join("\n");

/** The seed, the console's address and the token, written after the network configuration. */
export function firstBootJoinActions(root: RootFileSystem): TemplateAction[] {
  return [
    writeFileAction({
      ...root,
      name: "write-cloud-init-datasource",
      path: "/etc/cloud/cloud.cfg.d/10-foundry-datasource.cfg",
      contents: toYaml({ datasource_list: ["NoCloud", "None"] }),
    }),
    writeFileAction({
      ...root,
      name: "write-cloud-init-meta-data",
      path: "/var/lib/cloud/seed/nocloud/meta-data",
      contents: metaData,
    }),
    writeFileAction({
      ...root,
      name: "write-cloud-init-user-data",
      path: "/var/lib/cloud/seed/nocloud/user-data",
      contents: userData,
      mode: "0600",
    }),
    writeFileAction({
      ...root,
      name: "write-enrollment-settings",
      path: "/etc/foundry/enrollment.env",
      contents: enrollmentEnv,
      mode: "0600",
    }),
    {
      name: "fetch-enrollment-token",
      image: actionImages.alpine,
      timeout: 120,
      command: ["/bin/sh", "-c", fetchTokenScript],
      environment: {
        DEST_DISK: partitionDisk(root.partition),
        FS_TYPE: root.fsType,
        TOKEN_URL:
          "{{ .foundry_url }}/api/enroll/{{ .foundry_server }}/token?generation={{ .foundry_generation }}",
        // This install's claim secret, from the Secret the Hardware references (not in Git).
        CLAIM_SECRET: `{{ .references.${claimReferenceName}.data.${claimSecretKey} | b64dec }}`,
      },
    },
  ];
}
