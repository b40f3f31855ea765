# State starts local (Cloud Shell's $HOME persists). After the first apply, bootstrap.sh prints
# the backend block for the state bucket this configuration creates; see docs/platform/README.md.
# terraform {
#   backend "oci" {
#     bucket    = "metal-foundry-tfstate"
#     namespace = "<object storage namespace>"
#     key       = "metal-foundry/terraform.tfstate"
#   }
# }
