terraform {
  # 1.9+ lets variable validations read locals (the limits file); 1.12+ adds the "oci" backend.
  required_version = ">= 1.9.0"

  required_providers {
    oci = {
      source  = "oracle/oci"
      version = ">= 6.30.0, < 8.0.0"
    }
    random = {
      source  = "hashicorp/random"
      version = ">= 3.6.0, < 4.0.0"
    }
  }
}

provider "oci" {
  region = var.region
  # Cloud Shell: InstancePrincipal, with the user's delegation token sent as opc-obo-token when
  # OCI_use_obo_token=true and OCI_obo_token_path are set (bootstrap.sh sets both). CI: a UPST
  # minted from GitHub's OIDC token, SecurityToken with its profile (see docs/platform/README.md).
  auth = var.oci_auth
  # The provider checks any non-empty profile against ~/.oci/config, which Cloud Shell does not
  # have (its config is /etc/oci/config): no profile for InstancePrincipal.
  config_file_profile = var.oci_auth == "InstancePrincipal" ? "" : var.oci_config_profile
}
