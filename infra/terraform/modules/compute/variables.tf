variable "compartment_id" { type = string }
variable "availability_domain" { type = string }
variable "name" { type = string }
variable "shape" { type = string }
variable "ocpus" { type = number }
variable "memory_gb" { type = number }
variable "boot_volume_gb" { type = number }
variable "subnet_id" { type = string }
variable "assign_public_ip" { type = bool }
variable "ssh_authorized_keys" { type = string }
variable "user_data" { type = string }
variable "tags" { type = map(string) }

variable "allowed_shapes" {
  description = "Always Free shapes, from free-tier-limits.json; checked again on the instance."
  type        = list(string)
}

variable "block_volumes_gb" {
  type    = list(number)
  default = []
}

variable "image_os_version" {
  description = "Canonical Ubuntu release; the newest image of it for the shape is used."
  type        = string
  default     = "24.04"
}
