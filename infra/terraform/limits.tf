locals {
  # The one source of the Always Free figures; tests/platform and the console read it too.
  free_tier = jsondecode(file("${path.module}/../free-tier-limits.json"))
}
