# GitHub Actions authenticates with its OIDC token: the identity domain trusts GitHub's issuer,
# exchanges the token for a short-lived UPST bound to a service user, and no OCI API key is
# stored in GitHub. The confidential app (oauth_client_id) is created once by hand: see docs.
data "oci_identity_domains" "default" {
  compartment_id = var.tenancy_ocid
  display_name   = "Default"
}

locals {
  ci            = var.ci_federation.enabled ? 1 : 0
  idcs_endpoint = one(data.oci_identity_domains.default.domains[*].url)
  ci_subject    = var.ci_federation.subject != "" ? var.ci_federation.subject : "repo:${var.github_repository}:ref:refs/heads/main"
}

resource "oci_identity_domains_user" "ci" {
  count         = local.ci
  idcs_endpoint = local.idcs_endpoint
  schemas       = ["urn:ietf:params:scim:schemas:core:2.0:User"]
  user_name     = "${var.name}-ci"
  description   = "GitHub Actions of ${var.github_repository}, via OIDC token exchange"

  urnietfparamsscimschemasoracleidcsextensionuser_user {
    service_user = true
  }
}

resource "oci_identity_domains_group" "ci" {
  count         = local.ci
  idcs_endpoint = local.idcs_endpoint
  schemas       = ["urn:ietf:params:scim:schemas:core:2.0:Group"]
  display_name  = "${var.name}-ci"

  members {
    type  = "User"
    value = oci_identity_domains_user.ci[0].id
  }
}

resource "oci_identity_domains_identity_propagation_trust" "github" {
  count               = local.ci
  idcs_endpoint       = local.idcs_endpoint
  schemas             = ["urn:ietf:params:scim:schemas:oracle:idcs:IdentityPropagationTrust"]
  name                = "${var.name}-github-actions"
  type                = "JWT"
  issuer              = "https://token.actions.githubusercontent.com"
  public_key_endpoint = "https://token.actions.githubusercontent.com/.well-known/jwks"
  active              = true
  allow_impersonation = true
  subject_type        = "User"
  client_claim_name   = "aud"
  client_claim_values = [var.ci_federation.oauth_client_id]

  impersonation_service_users {
    rule  = "sub eq ${local.ci_subject}"
    value = oci_identity_domains_user.ci[0].id
  }
}

# CI plans and applies compute, network and storage; IAM stays with the person who bootstraps.
resource "oci_identity_policy" "ci" {
  count          = local.ci
  compartment_id = var.tenancy_ocid
  name           = "${var.name}-ci"
  description    = "GitHub Actions of ${var.github_repository}"
  freeform_tags  = var.tags
  statements = [
    "Allow group 'Default'/'${var.name}-ci' to read all-resources in tenancy",
    "Allow group 'Default'/'${var.name}-ci' to manage instance-family in compartment id ${var.compartment_id}",
    "Allow group 'Default'/'${var.name}-ci' to manage volume-family in compartment id ${var.compartment_id}",
    "Allow group 'Default'/'${var.name}-ci' to manage virtual-network-family in compartment id ${var.compartment_id}",
    "Allow group 'Default'/'${var.name}-ci' to manage object-family in compartment id ${var.compartment_id}",
  ]
}
