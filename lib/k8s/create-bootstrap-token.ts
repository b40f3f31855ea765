import "server-only";
import { randomInt } from "node:crypto";
import { ApiException, CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import { UnavailableError } from "@/lib/errors";

export type BootstrapToken = {
  tokenId: string;
  tokenSecret: string;
  secretName: string;
  expiresAt: Date;
};

export type CreateBootstrapToken = (input: {
  server: string;
  expiresAt: Date;
}) => Promise<BootstrapToken>;

/** K3s maps tokens carrying this group to the agent join rights (as `k3s token create` does). */
export const k3sBootstrapGroup = "system:bootstrappers:k3s:default-node-token";

const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
const randomText = (length: number) =>
  Array.from({ length }, () => alphabet.charAt(randomInt(alphabet.length))).join("");

/**
 * A Kubernetes bootstrap token (a `bootstrap-token-<id>` Secret in kube-system) that the API
 * server's bootstrap authenticator accepts until `expiresAt`, after which the token cleaner
 * deletes it. The console's Role allows `create` on Secrets in kube-system and nothing else.
 */
export function createBootstrapToken(config: KubeConfig): CreateBootstrapToken {
  const core = config.makeApiClient(CoreV1Api);
  return async ({ server, expiresAt }) => {
    const tokenId = randomText(6);
    const tokenSecret = randomText(16);
    const secretName = `bootstrap-token-${tokenId}`;
    try {
      await core.createNamespacedSecret({
        namespace: "kube-system",
        body: {
          apiVersion: "v1",
          kind: "Secret",
          type: "bootstrap.kubernetes.io/token",
          metadata: {
            name: secretName,
            namespace: "kube-system",
            labels: { "app.kubernetes.io/managed-by": "foundry-console" },
          },
          stringData: {
            "token-id": tokenId,
            "token-secret": tokenSecret,
            expiration: expiresAt.toISOString().replace(/\.\d{3}Z$/, "Z"),
            "usage-bootstrap-authentication": "true",
            "auth-extra-groups": k3sBootstrapGroup,
            description: `Metal Foundry first boot of ${server}`,
          },
        },
      });
    } catch (error) {
      const reason =
        error instanceof ApiException
          ? `HTTP ${error.code}`
          : error instanceof Error
            ? error.message
            : "error";
      throw new UnavailableError(
        `The cluster refused to create a join token for ${server} (${reason}).`,
      );
    }
    return { tokenId, tokenSecret, secretName, expiresAt };
  };
}
