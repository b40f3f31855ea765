variable "compartment_id" { type = string }
variable "name" { type = string }
variable "vcn_cidr" { type = string }
variable "tailnet_cidr" { type = string }
variable "enable_nat_gateway" { type = bool }
variable "tags" { type = map(string) }
