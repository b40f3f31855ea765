import "server-only";
import {
  CircuitBreaker,
  FixedTimeDelayStrategy,
  MaxAttemptsTerminationStrategy,
  type ClientConfiguration,
} from "oci-common";
import { BlockstorageClient, ComputeClient } from "oci-core";
import { LoadBalancerClient } from "oci-loadbalancer";
import { ObjectStorageClient } from "oci-objectstorage";
import { UsageapiClient } from "oci-usageapi";
import type { OciIdentity } from "@/lib/oci/auth-provider";

export type OciClients = {
  compute: ComputeClient;
  blockstorage: BlockstorageClient;
  objectStorage: ObjectStorageClient;
  loadBalancer: LoadBalancerClient;
  usage: UsageapiClient;
};

/**
 * The SDK's default retries up to 8 times with back-off of up to 30 s, and its circuit waits an
 * hour: a page would hang for minutes on a dead endpoint. One retry, 15 s per call instead.
 */
function configuration(): ClientConfiguration {
  return {
    retryConfiguration: {
      terminationStrategy: new MaxAttemptsTerminationStrategy(2),
      delayStrategy: new FixedTimeDelayStrategy(1),
    },
    circuitBreaker: new CircuitBreaker({
      ...CircuitBreaker.defaultConfiguration,
      timeout: 15_000,
    }),
  };
}

/** `endpoint`: tests only, a loopback double serving every service's paths (see oci-settings). */
export function createOciClients(identity: OciIdentity, endpoint: string | undefined): OciClients {
  const params = { authenticationDetailsProvider: identity.provider };
  const clients: OciClients = {
    compute: new ComputeClient(params, configuration()),
    blockstorage: new BlockstorageClient(params, configuration()),
    objectStorage: new ObjectStorageClient(params, configuration()),
    loadBalancer: new LoadBalancerClient(params, configuration()),
    usage: new UsageapiClient(params, configuration()),
  };
  if (endpoint !== undefined) {
    for (const client of Object.values(clients)) client.endpoint = endpoint;
  }
  return clients;
}
