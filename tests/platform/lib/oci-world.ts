import type { Value } from "./hcl-expr";
import type { World } from "./terraform-guard";

// A stub tenancy, shaped like the attributes the OCI provider's data sources return (oracle/oci
// v7.32.0: website/docs/d/*.html.markdown; sizes are strings there, as the provider keeps int64).

export interface Existing {
  kind: "boot" | "block" | "vcn" | "lb";
  compartment?: string;
  sizeGb?: number;
  state?: string;
  name?: string;
  tags?: Record<string, string>;
}

export interface Tenancy {
  tenancyId: string;
  ads: string[];
  shapesByAd: Record<string, string[]>;
  compartments?: string[];
  existing?: Existing[];
}

const liveState: Record<Existing["kind"], string> = {
  boot: "AVAILABLE",
  block: "AVAILABLE",
  vcn: "AVAILABLE",
  lb: "ACTIVE",
};

const listName: Record<Existing["kind"], string> = {
  boot: "boot_volumes",
  block: "volumes",
  vcn: "virtual_networks",
  lb: "load_balancers",
};

const dataType: Record<Existing["kind"], string> = {
  boot: "oci_core_boot_volumes",
  block: "oci_core_volumes",
  vcn: "oci_core_vcns",
  lb: "oci_load_balancer_load_balancers",
};

function item(e: Existing): Value {
  const base: { [key: string]: Value } = {
    display_name: e.name ?? "someone-else",
    state: e.state ?? liveState[e.kind],
    freeform_tags: e.tags ?? {},
  };
  if (e.kind === "boot" || e.kind === "block") base.size_in_gbs = String(e.sizeGb ?? 50);
  return base;
}

export function ociWorld(t: Tenancy, extra: World = {}): World {
  const compartmentIds = [t.tenancyId, ...(t.compartments ?? [])];
  const data: { [key: string]: Value } = {
    oci_identity_availability_domains: {
      all: { availability_domains: t.ads.map((name) => ({ name })) },
    },
    oci_core_shapes: {
      by_ad: Object.fromEntries(
        t.ads.map((ad) => [ad, { shapes: (t.shapesByAd[ad] ?? []).map((name) => ({ name })) }]),
      ),
    },
    oci_identity_compartments: {
      all: { compartments: (t.compartments ?? []).map((id) => ({ id, state: "ACTIVE" })) },
    },
  };
  for (const kind of ["boot", "block", "vcn", "lb"] as const) {
    data[dataType[kind]] = {
      existing: Object.fromEntries(
        compartmentIds.map((c) => [
          c,
          {
            [listName[kind]]: (t.existing ?? [])
              .filter((e) => e.kind === kind && (e.compartment ?? t.tenancyId) === c)
              .map(item),
          },
        ]),
      ),
    };
  }
  return { data, ...extra };
}
