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

# Object Storage itself deletes expired backups, so it needs this grant. Putting a lifecycle
# policy checks the grant and fails with InsufficientServicePermissions without it; the provider's
# SDK retries that error only inside the window an IAM write opened in the same run
# (oci-go-sdk common/eventual_consistency.go, as vendored by oracle/oci v7.32.0), so the grant
# must be written first.
resource "oci_identity_policy" "object_lifecycle" {
  compartment_id = var.tenancy_ocid
  name           = "${var.name}-object-lifecycle"
  description    = "Object Storage may delete expired backups"
  freeform_tags  = var.tags
  statements = [
    "Allow service objectstorage-${var.region} to manage object-family in compartment id ${var.compartment_id} where target.bucket.name = '${oci_objectstorage_bucket.backups.name}'",
  ]
}

resource "oci_objectstorage_object_lifecycle_policy" "backups" {
  namespace = data.oci_objectstorage_namespace.this.namespace
  bucket    = oci_objectstorage_bucket.backups.name

  depends_on = [oci_identity_policy.object_lifecycle]

  rules {
    name        = "expire-old-backups"
    action      = "DELETE"
    is_enabled  = true
    time_amount = var.backup_retention_days
    time_unit   = "DAYS"
    target      = "objects"
  }
}
