import { stringify } from "yaml";

/** A kubeconfig whose context name tells the console it is talking to the sandbox. */
export function sandboxKubeconfig(server: string): string {
  return stringify({
    apiVersion: "v1",
    kind: "Config",
    // Plain HTTP on loopback: the client library only allows it with TLS verification off.
    clusters: [{ name: "foundry-sandbox", cluster: { server, "insecure-skip-tls-verify": true } }],
    users: [{ name: "sandbox", user: { token: "sandbox" } }],
    contexts: [
      { name: "foundry-sandbox", context: { cluster: "foundry-sandbox", user: "sandbox" } },
    ],
    "current-context": "foundry-sandbox",
  });
}
