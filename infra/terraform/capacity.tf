# Capacity profiles (infra/capacity-profiles.json, docs/decisions/007-capacity-profiles.md): which
# shape the control plane is and what runs on it. tests/platform/capacity.test.ts sums the
# requests of everything Flux would run on each profile against its allocatable memory.
variable "capacity_profile" {
  description = "a1 (default: VM.Standard.A1.Flex, everything on the control plane) or micro (VM.Standard.E2.1.Micro, the control plane only; the rest runs on a worker)."
  type        = string
  default     = "a1"

  validation {
    condition     = contains(keys(jsondecode(file("${path.module}/../capacity-profiles.json")).profiles), var.capacity_profile)
    error_message = "capacity_profile must be one of the profiles in infra/capacity-profiles.json (a1, micro)."
  }
}

locals {
  capacity = jsondecode(file("${path.module}/../capacity-profiles.json")).profiles[var.capacity_profile]

  # The control plane as planned: what the user set, the rest from the profile.
  control_plane = merge(var.control_plane, {
    shape     = coalesce(var.control_plane.shape, local.capacity.shape)
    ocpus     = coalesce(var.control_plane.ocpus, local.capacity.ocpus)
    memory_gb = coalesce(var.control_plane.memory_gb, local.capacity.memory_gb)
  })
}
