# The secret K3s agents join with. The server takes it as --agent-token, which admits agents
# but never servers, so a worker's copy cannot be used to join the control plane's datastore.
# It lives in Terraform state (the private, versioned state bucket) and in the instances'
# user-data, like the other bootstrap secrets; letters and digits only, so it needs no quoting.
resource "random_password" "k3s_agent_token" {
  length  = 48
  special = false
}
