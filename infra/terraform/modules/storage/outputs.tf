output "namespace" {
  value = data.oci_objectstorage_namespace.this.namespace
}

output "state_bucket" {
  value = oci_objectstorage_bucket.state.name
}

output "backup_bucket" {
  value = oci_objectstorage_bucket.backups.name
}
