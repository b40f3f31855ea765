output "control_plane_public_ip" {
  value = module.control_plane.public_ip
}

output "console_url" {
  value = "https://${var.console_hostname}"
}

output "health_url" {
  value = "https://${var.console_hostname}/api/health"
}

output "object_storage_namespace" {
  value = module.storage.namespace
}

output "state_bucket" {
  value = module.storage.state_bucket
}

output "backup_bucket" {
  value = module.storage.backup_bucket
}

output "free_tier_usage" {
  description = "What this plan uses of the Always Free allowance (the console shows the same)."
  value       = { for k, v in local.planned : k => "${v} / ${local.free_tier.limits[k]}" }
}

output "ci_federation" {
  value = module.iam.ci_federation
}
