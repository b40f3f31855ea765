# Where each instance goes. In a multi-AD region the Always Free E2.1.Micro is offered in one
# availability domain only, which need not be the first; A1 usually is offered in all. So each
# shape goes to the first AD (in OCI's order) whose shape list has it for this tenancy. The
# guard (guard.tf) stops the plan when no AD offers a shape; nothing ever falls back to another.
data "oci_identity_availability_domains" "all" {
  compartment_id = var.tenancy_ocid
}

data "oci_core_shapes" "by_ad" {
  for_each            = toset(local.ad_names)
  compartment_id      = local.compartment_id
  availability_domain = each.key
}

locals {
  ad_names = [for ad in data.oci_identity_availability_domains.all.availability_domains : ad.name]

  shape_ads = {
    for s in local.free_tier.always_free_shapes : s => [
      for ad in local.ad_names : ad if contains([for sh in data.oci_core_shapes.by_ad[ad].shapes : sh.name], s)
    ]
  }
  # "" for a shape no AD offers; the guard refuses that before any instance is planned.
  shape_ad = { for s, found in local.shape_ads : s => length(found) > 0 ? found[0] : "" }
}
