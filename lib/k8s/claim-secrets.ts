import "server-only";
import { ApiException, CoreV1Api, type KubeConfig } from "@kubernetes/client-node";
import type { ClaimSecretStore } from "@/lib/k8s/claim-secret-store";
import { UnavailableError } from "@/lib/errors";
import { claimSecretName, claimSecretKey } from "@/lib/manifests/build-hardware";
import { tinkerbellNamespace } from "@/lib/manifests/object-meta";

const reasonOf = (error: unknown) =>
  error instanceof ApiException
    ? `HTTP ${error.code}`
    : error instanceof Error
      ? error.message
      : "error";

/**
 * The claim secrets in Tinkerbell's namespace. The console's Role there allows create, update
 * and delete on Secrets and never get, list or watch: it cannot read a BMC's credentials.
 */
export function claimSecrets(config: KubeConfig): ClaimSecretStore {
  const core = config.makeApiClient(CoreV1Api);
  const namespace = tinkerbellNamespace;
  return {
    async write(server, secret) {
      const name = claimSecretName(server);
      const body = {
        apiVersion: "v1",
        kind: "Secret",
        type: "Opaque",
        metadata: {
          name,
          namespace,
          labels: {
            "app.kubernetes.io/managed-by": "foundry-console",
            "foundry.metal/server": server,
          },
        },
        stringData: { [claimSecretKey]: secret },
      };
      try {
        // An unconditional replace (no resourceVersion): nothing has to be read first.
        await core.replaceNamespacedSecret({ name, namespace, body });
      } catch (error) {
        if (!(error instanceof ApiException && error.code === 404)) {
          throw new UnavailableError(
            `The cluster refused the install's claim secret for ${server} (${reasonOf(error)}); nothing was committed.`,
          );
        }
        try {
          await core.createNamespacedSecret({ namespace, body });
        } catch (created) {
          throw new UnavailableError(
            `The cluster refused the install's claim secret for ${server} (${reasonOf(created)}); nothing was committed.`,
          );
        }
      }
    },
    async remove(server) {
      try {
        await core.deleteNamespacedSecret({ name: claimSecretName(server), namespace });
      } catch (error) {
        if (error instanceof ApiException && error.code === 404) return;
        throw new UnavailableError(
          `The cluster did not delete the claim secret of ${server} (${reasonOf(error)}).`,
        );
      }
    },
  };
}
