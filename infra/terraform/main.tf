locals {
  compartment_id         = var.compartment_ocid == "" ? var.tenancy_ocid : var.compartment_ocid
  tags                   = { "metal-foundry" = "true" }
  control_plane_hostname = "${var.name}-control-plane"
}

module "network" {
  source = "./modules/network"

  compartment_id     = local.compartment_id
  name               = var.name
  vcn_cidr           = var.vcn_cidr
  tailnet_cidr       = var.tailnet_cidr
  enable_nat_gateway = var.enable_nat_gateway
  tags               = local.tags
}

module "storage" {
  source = "./modules/storage"

  tenancy_ocid          = var.tenancy_ocid
  region                = var.region
  compartment_id        = local.compartment_id
  name                  = var.name
  backup_retention_days = var.backup_retention_days
  tags                  = local.tags
}

module "control_plane" {
  source = "./modules/compute"

  compartment_id      = local.compartment_id
  availability_domain = lookup(local.shape_ad, local.control_plane.shape, "")
  name                = local.control_plane_hostname
  shape               = local.control_plane.shape
  ocpus               = local.control_plane.ocpus
  memory_gb           = local.control_plane.memory_gb
  boot_volume_gb      = local.control_plane.boot_volume_gb
  block_volumes_gb    = var.block_volumes_gb
  allowed_shapes      = local.free_tier.always_free_shapes
  subnet_id           = module.network.public_subnet_id
  assign_public_ip    = true
  ssh_authorized_keys = var.ssh_authorized_keys
  tags                = local.tags

  user_data = templatefile("${path.module}/../cloud-init/control-plane.yaml", {
    k3s_version        = var.k3s_version
    capacity_profile   = var.capacity_profile
    k3s_node_taint     = local.capacity.node_taint
    flux_components    = join(",", local.capacity.flux_components)
    flux_cluster_path  = local.capacity.cluster_path
    flux_version       = var.flux_version
    github_repository  = var.github_repository
    git_branch         = var.git_branch
    github_token       = var.github_token
    tailscale_auth_key = var.tailscale_auth_key
    # Agents join with this (K3s --agent-token); the server must be started with the same.
    k3s_agent_token  = random_password.k3s_agent_token.result
    hostname         = local.control_plane_hostname
    console_hostname = var.console_hostname
    acme_email       = var.acme_email
    backup_bucket    = module.storage.backup_bucket
    object_namespace = module.storage.namespace
    region           = var.region
    compartment_id   = local.compartment_id
    # One handover for the control plane and the real stack in tests: the script and the
    # GitRepository and root Kustomization exactly as Git holds them.
    flux_handover = file("${path.module}/../flux-handover.sh")
    k3s_tailnet   = file("${path.module}/../k3s-tailnet.sh")
    host_firewall = file("${path.module}/../host-firewall.sh")
    flux_sync     = file("${path.module}/../../manifests/clusters/foundry/sync.yaml")
  })
}

module "workers" {
  source   = "./modules/compute"
  for_each = { for w in var.workers : w.name => w }

  compartment_id      = local.compartment_id
  availability_domain = lookup(local.shape_ad, each.value.shape, "")
  name                = "${var.name}-${each.key}"
  shape               = each.value.shape
  ocpus               = each.value.ocpus
  memory_gb           = each.value.memory_gb
  boot_volume_gb      = each.value.boot_volume_gb
  allowed_shapes      = local.free_tier.always_free_shapes
  subnet_id           = module.network.private_subnet_id
  assign_public_ip    = false
  ssh_authorized_keys = var.ssh_authorized_keys
  tags                = local.tags

  # A K3s agent at the server's exact version, joining it over the tailnet (MagicDNS name).
  user_data = templatefile("${path.module}/../cloud-init/worker.yaml", {
    hostname           = "${var.name}-${each.key}"
    server_hostname    = local.control_plane_hostname
    k3s_version        = var.k3s_version
    k3s_agent_token    = random_password.k3s_agent_token.result
    tailscale_auth_key = var.worker_tailscale_auth_key
    host_firewall      = file("${path.module}/../host-firewall.sh")
  })
}

# The service policy moved next to the lifecycle rule that needs it (one module, one ordering).
moved {
  from = module.iam.oci_identity_policy.object_lifecycle
  to   = module.storage.oci_identity_policy.object_lifecycle
}

module "iam" {
  source = "./modules/iam"

  tenancy_ocid      = var.tenancy_ocid
  compartment_id    = local.compartment_id
  name              = var.name
  control_plane_id  = module.control_plane.instance_id
  backup_bucket     = module.storage.backup_bucket
  github_repository = var.github_repository
  ci_federation     = var.ci_federation
  tags              = local.tags
}
