variable "tenancy_ocid" {
  description = "Tenancy OCID (Cloud Shell: $OCI_TENANCY)."
  type        = string
}

variable "compartment_ocid" {
  description = "Compartment for every resource; empty means the tenancy's root compartment."
  type        = string
  default     = ""
}

variable "region" {
  description = "The tenancy's home region: Always Free compute only exists there."
  type        = string
}

variable "oci_auth" {
  description = "Provider auth: InstancePrincipal (Cloud Shell, with its delegation token), SecurityToken (CI token exchange, oci session authenticate) or ApiKey."
  type        = string
  default     = "SecurityToken"

  validation {
    condition     = contains(["InstancePrincipal", "SecurityToken", "ApiKey"], var.oci_auth)
    error_message = "oci_auth must be InstancePrincipal, SecurityToken or ApiKey (the provider's names, not the CLI's)."
  }
}

variable "oci_config_profile" {
  description = "Profile in ~/.oci/config for SecurityToken and ApiKey; unused for InstancePrincipal."
  type        = string
  default     = "DEFAULT"
}

variable "name" {
  description = "Prefix of every display name."
  type        = string
  default     = "metal-foundry"
}

variable "control_plane" {
  description = "The K3s server. Shape, OCPUs and memory default to the capacity profile's (infra/capacity-profiles.json)."
  type = object({
    shape          = optional(string)
    ocpus          = optional(number)
    memory_gb      = optional(number)
    boot_volume_gb = optional(number, 50)
  })
  default = {}

  validation {
    condition     = var.control_plane.shape == null || contains(local.free_tier.always_free_shapes, coalesce(var.control_plane.shape, "-"))
    error_message = "control_plane.shape ${coalesce(var.control_plane.shape, "-")} is not an Always Free shape."
  }

  # A profile decides what runs on the control plane; another shape under it would not fit, or
  # would be a silent switch of profile (docs/decisions/007-capacity-profiles.md).
  validation {
    condition     = var.control_plane.shape == null || coalesce(var.control_plane.shape, "-") == jsondecode(file("${path.module}/../capacity-profiles.json")).profiles[var.capacity_profile].shape
    error_message = "control_plane.shape ${coalesce(var.control_plane.shape, "-")} is not the shape of capacity_profile ${var.capacity_profile}: choose the profile (a1 or micro), not the shape."
  }

  validation {
    condition     = var.control_plane.boot_volume_gb >= local.free_tier.limits.boot_volume_min_gb
    error_message = "control_plane.boot_volume_gb is below OCI's minimum boot volume."
  }
}

variable "workers" {
  description = "Optional cloud workers, usually VM.Standard.A1.Flex; they join K3s as agents."
  type = list(object({
    name           = string
    shape          = optional(string, "VM.Standard.A1.Flex")
    ocpus          = optional(number, 1)
    memory_gb      = optional(number, 6)
    boot_volume_gb = optional(number, 50)
  }))
  default = []

  validation {
    condition     = alltrue([for w in var.workers : contains(local.free_tier.always_free_shapes, w.shape)])
    error_message = "Every worker shape must be an Always Free shape."
  }

  validation {
    condition     = alltrue([for w in var.workers : w.boot_volume_gb >= local.free_tier.limits.boot_volume_min_gb])
    error_message = "A worker's boot_volume_gb is below OCI's minimum boot volume."
  }
}

variable "block_volumes_gb" {
  description = "Extra block volumes (sizes in GB) attached to the control plane."
  type        = list(number)
  default     = []
}

variable "enable_load_balancer" {
  description = "Reserve the free flexible load balancer (10 Mbps). Off: ingress uses the node's IP."
  type        = bool
  default     = false
}

variable "enable_nat_gateway" {
  description = "NAT gateway for the private subnet (workers pull images through it)."
  type        = bool
  default     = true
}

variable "existing_usage" {
  description = "Added to what Terraform finds itself (existing.tf: volumes, VCNs, load balancers); bootstrap.sh fills the micro and A1 counts from the limits service."
  type = object({
    micro_instances = optional(number, 0)
    a1_ocpus        = optional(number, 0)
    a1_memory_gb    = optional(number, 0)
    volumes_gb      = optional(number, 0)
    vcns            = optional(number, 0)
    load_balancers  = optional(number, 0)
  })
  default = {}
}

variable "tailnet_cidr" {
  description = "Tailscale's address range: the only source allowed to reach the K8s API (6443)."
  type        = string
  default     = "100.64.0.0/10"
}

variable "vcn_cidr" {
  type    = string
  default = "10.0.0.0/16"
}

variable "ssh_authorized_keys" {
  description = "Optional break-glass SSH key; port 22 stays closed, reach it over Tailscale."
  type        = string
  default     = ""
}

variable "github_repository" {
  description = "The user's fork, owner/name; Flux syncs it and CI federation trusts it."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$", var.github_repository))
    error_message = "github_repository must look like owner/name."
  }
}

variable "git_branch" {
  type    = string
  default = "main"
}

variable "console_hostname" {
  description = "Public hostname of the Foundry console (an A record to the control plane's IP)."
  type        = string
}

variable "acme_email" {
  description = "Let's Encrypt account e-mail."
  type        = string
}

variable "tailscale_auth_key" {
  description = "One-off Tailscale auth key. Pass via TF_VAR_ or secrets.auto.tfvars (mode 600)."
  type        = string
  sensitive   = true

  validation {
    condition     = startswith(var.tailscale_auth_key, "tskey-")
    error_message = "tailscale_auth_key should be a Tailscale auth key (tskey-...)."
  }
}

variable "worker_tailscale_auth_key" {
  description = "Tailscale auth key for the cloud workers (reusable when there is more than one). Same handling as tailscale_auth_key."
  type        = string
  sensitive   = true
  default     = ""

  validation {
    condition     = length(var.workers) == 0 || startswith(var.worker_tailscale_auth_key, "tskey-")
    error_message = "worker_tailscale_auth_key (tskey-...) is required when workers are planned: they join K3s over Tailscale."
  }
}

variable "github_token" {
  description = "Token Flux uses to read the fork (fine-grained, contents: read). Never committed."
  type        = string
  sensitive   = true

  validation {
    condition     = length(var.github_token) > 0
    error_message = "github_token is required: Flux reads the fork with it."
  }
}

variable "k3s_version" {
  type    = string
  default = "v1.33.5+k3s1"
}

variable "flux_version" {
  type    = string
  default = "v2.9.3"
}

variable "ci_federation" {
  description = "Trust GitHub Actions OIDC tokens of github_repository (no stored OCI API key)."
  type = object({
    enabled         = optional(bool, false)
    oauth_client_id = optional(string, "")
    subject         = optional(string, "")
  })
  default = {}
}

variable "backup_retention_days" {
  type    = number
  default = 14
}
