output "dynamic_group" {
  value = oci_identity_dynamic_group.control_plane.name
}

output "ci_federation" {
  value = var.ci_federation.enabled ? {
    domain_url   = local.idcs_endpoint
    trust_name   = oci_identity_domains_identity_propagation_trust.github[0].name
    service_user = oci_identity_domains_user.ci[0].user_name
    subject      = local.ci_subject
  } : null
}
