variable "tenancy_ocid" { type = string }
variable "region" { type = string }
variable "compartment_id" { type = string }
variable "name" { type = string }
variable "backup_retention_days" { type = number }
variable "tags" { type = map(string) }
