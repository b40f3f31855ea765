// What the control plane's public subnet lets in from the internet, read from the Terraform the
// fork applies (OCI itself cannot be reached from here): exactly the Gateway's two listener
// ports, Tailscale's WireGuard port and the ICMP that path-MTU discovery needs.
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { listenersOf } from "./lib/gateway-routes";
import { repoRoot } from "./lib/reference";
import { loadModule, parseHcl, type TerraformModule } from "./lib/terraform-module";
import { manifestObjects } from "./lib/yaml-files";

type Json = { [key: string]: unknown };
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

let network: TerraformModule;
let rootMain: Json;
beforeAll(async () => {
  network = await loadModule(path.join(repoRoot, "infra/terraform/modules/network"));
  rootMain = await parseHcl(path.join(repoRoot, "infra/terraform/main.tf"));
});

// Each ingress rule as "source protocol port(s)", the dynamic block expanded over its for_each.
function ingressRules(resource: Json): string[] {
  const locals = (ref: unknown): unknown =>
    network.locals.get(String(ref).replace(/^\$\{local\.(\w+)\}$/, "$1")) ?? ref;
  const protocol = (p: unknown): string =>
    ({ "6": "tcp", "17": "udp", "1": "icmp" })[String(locals(p))] ?? String(locals(p));
  const describe = (rule: Json, value?: unknown): string => {
    const opts = list(rule.tcp_options)[0] ?? list(rule.udp_options)[0];
    const icmp = list(rule.icmp_options)[0];
    const port = (v: unknown): string =>
      String(v).includes("ingress_security_rules.value") ? String(value) : String(v);
    const what = opts
      ? opts.min === opts.max
        ? port(opts.min)
        : `${port(opts.min)}-${port(opts.max)}`
      : icmp
        ? `type ${String(icmp.type)} code ${String(icmp.code)}`
        : "any";
    return `${String(rule.source)} ${protocol(rule.protocol)} ${what}`;
  };
  const stat = list(resource.ingress_security_rules).map((r) => describe(r));
  const dynamic = Array.isArray(resource.dynamic) ? list(resource.dynamic)[0] : resource.dynamic;
  const dyn = list((dynamic as Json | undefined)?.ingress_security_rules).flatMap((d) => {
    const values = locals(d.for_each);
    return (Array.isArray(values) ? values : []).map((v) => describe(list(d.content)[0] ?? {}, v));
  });
  return [...dyn, ...stat];
}

describe("the public security list", () => {
  it("opens to the internet exactly 80 and 443 (the Gateway's listeners), WireGuard and ICMP 3/4", () => {
    const rules = ingressRules(network.resources.get("oci_core_security_list.public") ?? {});
    expect(rules.filter((r) => r.startsWith("0.0.0.0/0 ")).sort()).toEqual([
      "0.0.0.0/0 icmp type 3 code 4",
      "0.0.0.0/0 tcp 443",
      "0.0.0.0/0 tcp 80",
      "0.0.0.0/0 udp 41641",
    ]);
    expect(rules.filter((r) => !r.startsWith("0.0.0.0/0 ")).sort()).toEqual([
      "${var.tailnet_cidr} tcp 6443",
      "${var.vcn_cidr} all any",
    ]);
    const gateway = manifestObjects()
      .map(({ object }) => object)
      .find((o) => o.kind === "Gateway" && o.metadata.name === "foundry");
    const ports = gateway ? listenersOf(gateway).map((l) => `0.0.0.0/0 tcp ${l.port}`) : [];
    expect(rules).toEqual(expect.arrayContaining(ports));
    expect(ports).toHaveLength(2);
  });

  it("guards the subnet the control plane's public address is on", () => {
    const subnet = network.resources.get("oci_core_subnet.public") ?? {};
    expect(subnet.security_list_ids).toEqual(["${oci_core_security_list.public.id}"]);
    const controlPlane = list((rootMain.module as Json | undefined)?.control_plane)[0];
    expect(controlPlane).toMatchObject({
      subnet_id: "${module.network.public_subnet_id}",
      assign_public_ip: true,
    });
  });
});
