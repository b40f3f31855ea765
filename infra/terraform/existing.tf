# What the tenancy already holds that counts against the Always Free allowance, read at plan
# time from every compartment (the allowance is per tenancy, not per compartment): boot and
# block volumes (a terminated instance's preserved boot volume counts too), VCNs and load
# balancers. This configuration's own resources (tag metal-foundry=true and a name that starts
# with var.name) are left out, so a re-plan does not count itself twice; another deployment in
# the same tenancy, with another name, is counted.
data "oci_identity_compartments" "all" {
  compartment_id            = var.tenancy_ocid
  compartment_id_in_subtree = true
  state                     = "ACTIVE"
}

locals {
  compartment_ids = concat([var.tenancy_ocid], [for c in data.oci_identity_compartments.all.compartments : c.id])
}

data "oci_core_boot_volumes" "existing" {
  for_each       = toset(local.compartment_ids)
  compartment_id = each.key
}

data "oci_core_volumes" "existing" {
  for_each       = toset(local.compartment_ids)
  compartment_id = each.key
}

data "oci_core_vcns" "existing" {
  for_each       = toset(local.compartment_ids)
  compartment_id = each.key
}

data "oci_load_balancer_load_balancers" "existing" {
  for_each       = toset(local.compartment_ids)
  compartment_id = each.key
}

locals {
  # A launch names its boot volume "<instance name> (Boot Volume)", and the instance's tags are
  # not relied on to reach it: the boot volumes of this configuration's instances go by name.
  own_boot_volumes = [for i in local.instances : "${var.name}-${i.name} (Boot Volume)"]

  found_volumes = [
    for v in flatten(concat(
      [for c in local.compartment_ids : data.oci_core_boot_volumes.existing[c].boot_volumes],
      [for c in local.compartment_ids : data.oci_core_volumes.existing[c].volumes],
    )) : v
    if !contains(["TERMINATING", "TERMINATED"], v.state) && !contains(local.own_boot_volumes, v.display_name) && !(lookup(v.freeform_tags, "metal-foundry", "") == "true" && startswith(v.display_name, var.name))
  ]
  found_vcns = [
    for n in flatten([for c in local.compartment_ids : data.oci_core_vcns.existing[c].virtual_networks]) : n
    if !contains(["TERMINATING", "TERMINATED"], n.state) && !(lookup(n.freeform_tags, "metal-foundry", "") == "true" && startswith(n.display_name, var.name))
  ]
  found_load_balancers = [
    for lb in flatten([for c in local.compartment_ids : data.oci_load_balancer_load_balancers.existing[c].load_balancers]) : lb
    if !contains(["DELETING", "DELETED", "FAILED"], lb.state)
  ]

  found = {
    volumes_gb     = sum(concat([0], [for v in local.found_volumes : tonumber(v.size_in_gbs)]))
    vcns           = length(local.found_vcns)
    load_balancers = length(local.found_load_balancers)
  }
}
