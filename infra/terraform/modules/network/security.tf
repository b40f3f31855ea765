locals {
  tcp  = "6"
  udp  = "17"
  icmp = "1"
  # The only doors open to the internet: HTTP(S) for the console and ACME, and Tailscale's
  # WireGuard port so peers can connect directly instead of through a DERP relay.
  public_tcp = [80, 443]
}

resource "oci_core_security_list" "public" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name}-public"
  freeform_tags  = var.tags

  egress_security_rules {
    destination = "0.0.0.0/0"
    protocol    = "all"
  }

  dynamic "ingress_security_rules" {
    for_each = local.public_tcp
    content {
      source   = "0.0.0.0/0"
      protocol = local.tcp
      tcp_options {
        min = ingress_security_rules.value
        max = ingress_security_rules.value
      }
    }
  }

  # The API server only for tailnet addresses. Tailnet traffic arrives inside WireGuard, so in
  # practice this rule keeps 6443 closed to the internet; it documents the intent.
  ingress_security_rules {
    source   = var.tailnet_cidr
    protocol = local.tcp
    tcp_options {
      min = 6443
      max = 6443
    }
  }

  ingress_security_rules {
    source   = "0.0.0.0/0"
    protocol = local.udp
    udp_options {
      min = 41641
      max = 41641
    }
  }

  # Path MTU discovery; without it large TLS responses can stall.
  ingress_security_rules {
    source   = "0.0.0.0/0"
    protocol = local.icmp
    icmp_options {
      type = 3
      code = 4
    }
  }

  ingress_security_rules {
    source   = var.vcn_cidr
    protocol = "all"
  }
}

resource "oci_core_security_list" "private" {
  compartment_id = var.compartment_id
  vcn_id         = oci_core_vcn.this.id
  display_name   = "${var.name}-private"
  freeform_tags  = var.tags

  egress_security_rules {
    destination = "0.0.0.0/0"
    protocol    = "all"
  }

  ingress_security_rules {
    source   = var.vcn_cidr
    protocol = "all"
  }
}
