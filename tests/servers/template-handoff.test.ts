import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { templateDataSchema, type TemplateAction } from "@/lib/manifests/template";
import { readYamlObjects } from "@/lib/manifests/yaml-document";
import { architectures } from "@/lib/servers/schema";
import {
  derivedVariables,
  templateMetadataSchema,
  tinkerbellVariables,
} from "@/lib/servers/template-metadata";
import { claimReferences, renderTemplate } from "@/tests/support/tink-render";

/*
 * What needs hardware, asserted on the committed Templates against upstream's documented
 * behaviour instead:
 * - tink server v0.21.0 (tink/server/internal/grpc/grpc.go) moves a Workflow to POST, where the
 *   controller turns allowPXE off (tink/controller/internal/workflow/post.go), only when the last
 *   action of the last task reports SUCCESS. An action that reboots or kexecs never reports.
 * - waitdaemon (jacobweinstock/waitdaemon README, v0.4.3 = :latest) reports at once and starts the
 *   reboot later through the container engine; on HookOS that is Docker, reached only through
 *   /var/run/docker.sock mounted into the action (hook v0.11.0 hook-docker, hook-bootkit).
 * - Talos >= 1.10 disk images boot systemd-boot UKIs on arm64 (no /A/vmlinuz) and dual-boot on
 *   x86 (Talos v1.10 "what is new"); a kexec'd x86 UEFI boot makes Talos delete the EFI partition
 *   (CleanupBootloader, v1.11.5), so Talos must reboot, never kexec.
 */
const templates = path.resolve(__dirname, "../../manifests/tinkerbell/templates");
const names = ["flatcar", "gold-image", "talos", "ubuntu-2404"] as const;
const waitdaemon = "ghcr.io/jacobweinstock/waitdaemon";
const dockerSocket = "/var/run/docker.sock:/var/run/docker.sock";

const metadataOf = (name: string) =>
  templateMetadataSchema.parse(
    JSON.parse(readFileSync(path.join(templates, `${name}.meta.json`), "utf8")),
  );

const templateText = (name: string) => {
  const [template] = readYamlObjects(
    readFileSync(path.join(templates, `${name}.yaml`), "utf8"),
  ) as { spec: { data: string } }[];
  return template?.spec.data ?? "";
};

const server = {
  device_1: "aa:bb:cc:dd:ee:01",
  install_disk: "/dev/sda",
  hostname: "node1",
  foundry_server: "node1",
  foundry_generation: "1",
  foundry_url: "https://foundry.example.test",
  network_mode: "dhcp",
  machine_config_url: "https://config.example.test/node1",
  // The gold image has no default image: a person gives theirs.
  image_url: "https://images.example.test/fleet.img.xz",
  image_sha256: "0".repeat(64),
};

/** The workflow a server of `arch` runs: the template rendered with the defaults the console offers it. */
function rendered(name: string, arch: (typeof architectures)[number]) {
  const values: Record<string, string> = { ...server };
  for (const parameter of metadataOf(name).parameters) {
    const value = parameter.defaultByArch?.[arch] ?? parameter.default;
    if (value !== undefined) values[parameter.name] = value;
  }
  return templateDataSchema.parse(
    parse(renderTemplate(templateText(name), values, { references: claimReferences() })),
  );
}

const isWaitdaemon = (action: TemplateAction) => action.image.startsWith(`${waitdaemon}:`);
const cases = names.flatMap((name) =>
  metadataOf(name).arch.map((arch) => ({ name, arch, data: rendered(name, arch) })),
);

describe("the shipped templates hand the machine over only after reporting", () => {
  it.each(cases)(
    "$name on $arch: every waitdaemon action mounts Hook's Docker socket (waitdaemon README)",
    ({ data }) => {
      const actions = data.tasks.flatMap((task) => task.actions).filter(isWaitdaemon);
      expect(actions.length).toBeGreaterThan(0);
      for (const action of actions) {
        expect(action.volumes ?? [], action.name).toContain(dockerSocket);
        expect(action.pid, action.name).toBe("host");
        expect(action.environment?.IMAGE, action.name).toMatch(/\S/);
        expect(action.environment?.CONTAINER_RUNTIME ?? "docker", action.name).toBe("docker");
      }
    },
  );

  it.each(cases)(
    "$name on $arch: the last action is a waitdaemon, so the Workflow reaches SUCCESS and allowPXE turns off (tink v0.21.0)",
    ({ data }) => {
      const last = data.tasks.at(-1)?.actions.at(-1);
      expect(last && isWaitdaemon(last), last?.name).toBe(true);
    },
  );

  it.each(cases)(
    "$name on $arch: nothing reboots or kexecs outside waitdaemon (such an action never reports)",
    ({ data }) => {
      for (const action of data.tasks.flatMap((task) => task.actions)) {
        if (isWaitdaemon(action)) continue;
        expect(action.image, action.name).not.toMatch(/\/kexec(:|$)/);
        expect(action.command?.join(" ") ?? "", action.name).not.toMatch(
          /\b(reboot|kexec|poweroff)\b|sysrq-trigger/,
        );
      }
    },
  );
});

describe("Talos boots what its disk image holds, on x86_64 and aarch64", () => {
  const talos = cases.filter((item) => item.name === "talos");

  it("installs Talos 1.10 or later by default, where UEFI and arm64 boot systemd-boot UKIs", () => {
    for (const arch of metadataOf("talos").arch) {
      const url = metadataOf("talos").parameters.find((p) => p.name === "image_url")
        ?.defaultByArch?.[arch];
      const [, minor] = /\/v1\.(\d+)\.\d+\//.exec(url ?? "") ?? [];
      expect(Number(minor), `${arch}: ${url}`).toBeGreaterThanOrEqual(10);
    }
  });

  it.each(talos)(
    "$arch: no kexec and no /A/vmlinuz (none on arm64; a kexec'd x86 UEFI boot loses its EFI partition)",
    ({ data }) => {
      const text = JSON.stringify(data);
      expect(text).not.toContain("/A/vmlinuz");
      expect(text).not.toContain("initramfs.xz");
      expect(text).not.toMatch(/actions\/kexec/);
    },
  );
});

describe("template parameters", () => {
  it.each(names)("every parameter %s offers is one its template uses", (name) => {
    // Every `.variable` inside an action, also as a function's argument: `(atoi .root_partition)`.
    const used = new Set(
      [...templateText(name).matchAll(/\{\{([^}]*)\}\}/g)].flatMap((action) =>
        [...(action[1] ?? "").matchAll(/(?:^|[\s(])\.(\w+)/g)].map((match) => match[1] ?? ""),
      ),
    );
    for (const parameter of metadataOf(name).parameters) {
      expect(used.has(parameter.name), `${name} offers ${parameter.name}`).toBe(true);
    }
    const known = new Set<string>([
      ...derivedVariables,
      ...tinkerbellVariables,
      ...metadataOf(name).parameters.map((p) => p.name),
    ]);
    for (const variable of used) expect(known.has(variable), variable).toBe(true);
  });
});
