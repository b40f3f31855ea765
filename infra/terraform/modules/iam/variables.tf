variable "tenancy_ocid" { type = string }
variable "compartment_id" { type = string }
variable "name" { type = string }
variable "control_plane_id" { type = string }
variable "backup_bucket" { type = string }
variable "github_repository" { type = string }
variable "tags" { type = map(string) }

variable "ci_federation" {
  type = object({
    enabled         = bool
    oauth_client_id = string
    subject         = string
  })
}
