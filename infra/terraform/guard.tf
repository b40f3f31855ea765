# The $0 guard. Every figure comes from free-tier-limits.json; tests/platform evaluates these
# exact expressions (tests/platform/lib/hcl-eval.ts), so keep them to plain HCL operators and
# the functions that evaluator knows: contains, alltrue, length, sum, concat, flatten, lookup,
# tonumber, startswith, file, jsondecode.
locals {
  instances = concat([merge(local.control_plane, { name = "control-plane" })], var.workers)

  micro_planned = length([for i in local.instances : i if i.shape == local.free_tier.shapes.micro])
  a1_ocpus      = sum(concat([0], [for i in local.instances : i.ocpus if i.shape == local.free_tier.shapes.a1]))
  a1_memory_gb  = sum(concat([0], [for i in local.instances : i.memory_gb if i.shape == local.free_tier.shapes.a1]))
  volumes_gb    = sum(concat([0], [for i in local.instances : i.boot_volume_gb], var.block_volumes_gb))

  # Existing = what Terraform found in the tenancy (existing.tf) + what bootstrap.sh counted
  # (var.existing_usage: micro instances and A1 from the limits service) + any manual extra.
  planned = {
    micro_instances = var.existing_usage.micro_instances + local.micro_planned
    a1_ocpus        = var.existing_usage.a1_ocpus + local.a1_ocpus
    a1_memory_gb    = var.existing_usage.a1_memory_gb + local.a1_memory_gb
    volumes_gb      = var.existing_usage.volumes_gb + local.found.volumes_gb + local.volumes_gb
    vcns            = var.existing_usage.vcns + local.found.vcns + 1
    load_balancers  = var.existing_usage.load_balancers + local.found.load_balancers + (var.enable_load_balancer ? 1 : 0)
  }
}

# A failed precondition stops `plan`, so nothing at all is created when any line is over.
resource "terraform_data" "free_tier_guard" {
  input = local.planned

  lifecycle {
    precondition {
      condition     = alltrue([for i in local.instances : contains(local.free_tier.always_free_shapes, i.shape)])
      error_message = "Only Always Free shapes are allowed: ${join(", ", local.free_tier.always_free_shapes)}."
    }
    precondition {
      condition     = alltrue([for i in local.instances : lookup(local.shape_ad, i.shape, "") != "" if contains(local.free_tier.always_free_shapes, i.shape)])
      error_message = "No availability domain of ${var.region} offers ${join(", ", [for i in local.instances : i.shape if lookup(local.shape_ad, i.shape, "") == ""])} to this tenancy: Always Free compute exists only in the home region. Nothing is created on another shape."
    }
    precondition {
      condition     = local.planned.micro_instances <= local.free_tier.limits.micro_instances
      error_message = "Always Free allows ${local.free_tier.limits.micro_instances} micro instances; this plan needs ${local.planned.micro_instances}."
    }
    precondition {
      condition     = local.planned.a1_ocpus <= local.free_tier.limits.a1_ocpus
      error_message = "Always Free allows ${local.free_tier.limits.a1_ocpus} A1 OCPUs; this plan needs ${local.planned.a1_ocpus}."
    }
    precondition {
      condition     = local.planned.a1_memory_gb <= local.free_tier.limits.a1_memory_gb
      error_message = "Always Free allows ${local.free_tier.limits.a1_memory_gb} GB of A1 memory; this plan needs ${local.planned.a1_memory_gb}."
    }
    precondition {
      condition     = local.planned.volumes_gb <= local.free_tier.limits.volumes_gb
      error_message = "Always Free allows ${local.free_tier.limits.volumes_gb} GB of boot + block volumes; this plan needs ${local.planned.volumes_gb}."
    }
    precondition {
      condition     = local.planned.vcns <= local.free_tier.limits.vcns
      error_message = "Always Free allows ${local.free_tier.limits.vcns} VCNs; this plan needs ${local.planned.vcns}."
    }
    precondition {
      condition     = local.planned.load_balancers <= local.free_tier.limits.load_balancers
      error_message = "Always Free allows ${local.free_tier.limits.load_balancers} load balancer; this plan needs ${local.planned.load_balancers}."
    }
  }
}

# Live view at plan time: a warning (check blocks never fail) when the tenancy's A1 quota left is
# below what this plan asks for. Capacity itself is only known when the instance is launched.
check "a1_quota_left" {
  data "oci_limits_resource_availability" "a1_cores" {
    compartment_id      = var.tenancy_ocid
    service_name        = "compute"
    limit_name          = "standard-a1-core-count"
    availability_domain = lookup(local.shape_ad, local.free_tier.shapes.a1, "")
  }

  assert {
    condition     = local.a1_ocpus == 0 || data.oci_limits_resource_availability.a1_cores.available >= local.a1_ocpus
    error_message = "The tenancy has fewer free A1 cores left than this plan asks for."
  }
}
