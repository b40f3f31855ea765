data "oci_objectstorage_namespace" "this" {
  compartment_id = var.compartment_id
}

# Versioned, so a bad state write can be rolled back. Standard tier: the 20 GB free allowance
# covers state and a fortnight of small backups.
resource "oci_objectstorage_bucket" "state" {
  compartment_id = var.compartment_id
  namespace      = data.oci_objectstorage_namespace.this.namespace
  name           = "${var.name}-tfstate"
  access_type    = "NoPublicAccess"
  versioning     = "Enabled"
  freeform_tags  = var.tags
}

resource "oci_objectstorage_bucket" "backups" {
  compartment_id = var.compartment_id
  namespace      = data.oci_objectstorage_namespace.this.namespace
  name           = "${var.name}-backups"
  access_type    = "NoPublicAccess"
  versioning     = "Disabled"
  freeform_tags  = var.tags
}

resource "oci_objectstorage_object_lifecycle_policy" "backups" {
  namespace = data.oci_objectstorage_namespace.this.namespace
  bucket    = oci_objectstorage_bucket.backups.name

  rules {
    name        = "expire-old-backups"
    action      = "DELETE"
    is_enabled  = true
    time_amount = var.backup_retention_days
    time_unit   = "DAYS"
    target      = "objects"
  }
}
