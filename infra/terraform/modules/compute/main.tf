locals {
  flexible = endswith(var.shape, ".Flex")
  metadata = merge(
    var.ssh_authorized_keys == "" ? {} : { ssh_authorized_keys = var.ssh_authorized_keys },
    var.user_data == "" ? {} : { user_data = base64encode(var.user_data) },
  )
}

data "oci_core_images" "ubuntu" {
  compartment_id           = var.compartment_id
  operating_system         = "Canonical Ubuntu"
  operating_system_version = var.image_os_version
  shape                    = var.shape
  sort_by                  = "TIMECREATED"
  sort_order               = "DESC"
}

resource "oci_core_instance" "this" {
  compartment_id      = var.compartment_id
  availability_domain = var.availability_domain
  display_name        = var.name
  shape               = var.shape
  freeform_tags       = var.tags
  metadata            = local.metadata

  dynamic "shape_config" {
    for_each = local.flexible ? [1] : []
    content {
      ocpus         = var.ocpus
      memory_in_gbs = var.memory_gb
    }
  }

  source_details {
    source_type             = "image"
    source_id               = data.oci_core_images.ubuntu.images[0].id
    boot_volume_size_in_gbs = var.boot_volume_gb
  }

  create_vnic_details {
    subnet_id        = var.subnet_id
    assign_public_ip = var.assign_public_ip
    hostname_label   = replace(var.name, "/[^a-z0-9]/", "")
  }

  # Only the v2 metadata endpoint (header required): pods cannot replay a plain GET for secrets.
  instance_options {
    are_legacy_imds_endpoints_disabled = true
  }

  lifecycle {
    # user_data carries a one-off Tailscale key: rotating it must not rebuild the node.
    ignore_changes = [metadata, source_details[0].source_id]

    precondition {
      condition     = contains(var.allowed_shapes, var.shape)
      error_message = "Refusing ${var.shape}: not an Always Free shape."
    }
  }
}

resource "oci_core_volume" "data" {
  count               = length(var.block_volumes_gb)
  compartment_id      = var.compartment_id
  availability_domain = var.availability_domain
  display_name        = "${var.name}-data-${count.index}"
  size_in_gbs         = var.block_volumes_gb[count.index]
  freeform_tags       = var.tags
}

resource "oci_core_volume_attachment" "data" {
  count           = length(var.block_volumes_gb)
  attachment_type = "paravirtualized"
  instance_id     = oci_core_instance.this.id
  volume_id       = oci_core_volume.data[count.index].id
}
