import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { templateDataSchema } from "@/lib/manifests/template";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { builtInTemplateFiles } from "@/lib/manifests/os-templates/render-files";
import { maxInterfaces } from "@/lib/servers/schema";
import { templateMetadataSchema } from "@/lib/servers/template-metadata";
import { createValidator } from "@/tests/platform/lib/validator";
import { claimReferences, renderTemplate } from "@/tests/support/tink-render";

const manifests = path.resolve(__dirname, "../../manifests");
const read = (file: string) => readFileSync(path.join(manifests, file), "utf8");

const base = {
  device_1: "aa:bb:cc:dd:ee:01",
  install_disk: "/dev/nvme0n1",
  hostname: "node1",
  foundry_server: "node1",
  foundry_generation: "1",
  foundry_url: "https://foundry.example.test",
  network_mode: "dhcp",
  image_url: "https://images.example.test/os.img",
  machine_config_url: "https://config.example.test/node1",
  oem_fs_type: "btrfs",
  timezone: "Etc/UTC",
  image_sha256: "0".repeat(64),
  image_format: "xz",
  root_partition: "2",
  root_fs_type: "ext4",
};

describe("the OS templates the project ships", () => {
  const validator = createValidator();
  const files = builtInTemplateFiles();

  it.each(["ubuntu-2404", "gold-image"])(
    "%s sends the install's claim secret, rendered from the Secret its Hardware references, and cannot render without it",
    (name) => {
      const [template] = readYamlObjects(read(`tinkerbell/templates/${name}.yaml`)) as {
        spec: { data: string };
      }[];
      const text = template?.spec.data ?? "";
      const data = templateDataSchema.parse(
        parse(renderTemplate(text, base, { references: claimReferences("claim-of-this-install") })),
      );
      const fetch = data.tasks[0]?.actions.find((a) => a.name === "fetch-enrollment-token");
      expect(fetch?.environment?.CLAIM_SECRET).toBe("claim-of-this-install");
      expect(fetch?.command?.join(" ")).toContain('--header "X-Foundry-Claim: $CLAIM_SECRET"');
      // No Secret, no install: Tinkerbell refuses to render rather than send an empty claim.
      expect(() => renderTemplate(text, base)).toThrow(/foundry_claim/);
    },
  );

  it("are committed exactly as lib/manifests/os-templates builds them", () => {
    for (const [file, content] of files) expect(read(file), file).toBe(content);
  });

  it.each([...files.keys()].filter((file) => file.endsWith(".yaml")))(
    "%s is a Template the CRD accepts and renders for DHCP and static servers",
    (file) => {
      const [template] = readYamlObjects(read(file)) as { spec: { data: string } }[];
      expect(validator.validate(template, "tinkerbell.org/v1alpha1", "Template")).toEqual([]);
      const networks: Record<string, string>[] = [
        {},
        {
          network_mode: "static",
          ip_cidr: "10.0.0.5/24",
          gateway: "10.0.0.1",
          name_servers: "10.0.0.1",
        },
      ];
      for (const network of networks) {
        const data = templateDataSchema.parse(
          parse(
            renderTemplate(
              template?.spec.data ?? "",
              { ...base, ...network },
              { references: claimReferences() },
            ),
          ),
        );
        expect(data.tasks[0]?.worker).toBe("aa:bb:cc:dd:ee:01");
        expect(JSON.stringify(data)).toContain("/dev/nvme0n1");
      }
    },
  );

  it.each([...files.keys()].filter((file) => file.endsWith(".meta.json")))(
    "%s describes its template",
    (file) => {
      const metadata = templateMetadataSchema.parse(JSON.parse(read(file)));
      expect(read(`tinkerbell/templates/${metadata.template}.yaml`)).toContain(
        `name: ${metadata.template}`,
      );
    },
  );
});

describe("no reinstall loop", () => {
  const kustomization = parse(read("clusters/foundry/tinkerbell.yaml")) as {
    spec: { ignore?: { target?: { group?: string; kind?: string }; paths: string[] }[] };
  };

  it("Flux leaves allowPXE on every interface the console can write to the Workflow's toggle", () => {
    const rule = kustomization.spec.ignore?.find(
      (item) => item.target?.kind === "Hardware" && item.target.group === "tinkerbell.org",
    );
    expect(rule?.paths).toEqual(
      Array.from({ length: maxInterfaces }, (_, i) => `/spec/interfaces/${i}/netboot/allowPXE`),
    );
  });

  /*
   * A model of the loop: Flux applies Git except ignored paths on every reconcile, Tinkerbell's
   * toggle sets allowPXE for the run and clears it on success, and a server netboots (and so
   * reinstalls) only when allowPXE is true and its Workflow has not succeeded.
   */
  it("a reboot after a successful install boots the disk, however often Flux reconciles", () => {
    const ignored = new Set(kustomization.spec.ignore?.flatMap((rule) => rule.paths) ?? []);
    const git = { allowPXE: false, allowWorkflow: true };
    const cluster = { ...git };
    const reconcile = () => {
      if (!ignored.has("/spec/interfaces/0/netboot/allowPXE")) cluster.allowPXE = git.allowPXE;
      cluster.allowWorkflow = git.allowWorkflow;
    };
    const workflow = { toggleAllowNetboot: true, state: "PENDING" as "PENDING" | "SUCCESS" };
    let installs = 0;
    const boot = () => {
      if (cluster.allowPXE && cluster.allowWorkflow && workflow.state !== "SUCCESS") {
        installs += 1;
        workflow.state = "SUCCESS";
        if (workflow.toggleAllowNetboot) cluster.allowPXE = false;
      }
    };
    reconcile();
    if (workflow.toggleAllowNetboot) cluster.allowPXE = true;
    reconcile();
    boot();
    for (let day = 0; day < 30; day += 1) {
      reconcile();
      boot();
    }
    expect(installs).toBe(1);
    expect(cluster.allowPXE).toBe(false);
  });
});
