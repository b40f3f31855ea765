terraform {
  # 1.9+ lets variable validations read locals (the limits file); 1.12+ adds the "oci" backend.
  required_version = ">= 1.9.0"

  required_providers {
    oci = {
      source  = "oracle/oci"
      version = ">= 6.30.0, < 8.0.0"
    }
  }
}

provider "oci" {
  region = var.region
  # Cloud Shell: the CLI's session token; CI: a UPST minted from GitHub's OIDC token (see docs).
  auth                = var.oci_auth
  config_file_profile = var.oci_config_profile
}
