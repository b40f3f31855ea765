# The control plane's own identity: the console reads usage and limits, the backup job writes
# to the backup bucket. No API key exists on the node.
resource "oci_identity_dynamic_group" "control_plane" {
  compartment_id = var.tenancy_ocid
  name           = "${var.name}-control-plane"
  description    = "The Metal Foundry control plane instance"
  matching_rule  = "ALL {instance.id = '${var.control_plane_id}'}"
  freeform_tags  = var.tags
}

locals {
  dg = oci_identity_dynamic_group.control_plane.name
}

resource "oci_identity_policy" "control_plane" {
  compartment_id = var.tenancy_ocid
  name           = "${var.name}-control-plane"
  description    = "Read-only usage and limits for the console; write-only backups"
  freeform_tags  = var.tags
  statements = [
    "Allow dynamic-group ${local.dg} to inspect limits in tenancy",
    "Allow dynamic-group ${local.dg} to inspect resource-availability in tenancy",
    "Allow dynamic-group ${local.dg} to read usage-reports in tenancy",
    "Allow dynamic-group ${local.dg} to read instance-family in compartment id ${var.compartment_id}",
    "Allow dynamic-group ${local.dg} to read volume-family in compartment id ${var.compartment_id}",
    "Allow dynamic-group ${local.dg} to read virtual-network-family in compartment id ${var.compartment_id}",
    "Allow dynamic-group ${local.dg} to read load-balancers in compartment id ${var.compartment_id}",
    "Allow dynamic-group ${local.dg} to read buckets in compartment id ${var.compartment_id}",
    "Allow dynamic-group ${local.dg} to manage objects in compartment id ${var.compartment_id} where all {target.bucket.name = '${var.backup_bucket}', any {request.permission = 'OBJECT_CREATE', request.permission = 'OBJECT_INSPECT', request.permission = 'OBJECT_READ'}}",
  ]
}

