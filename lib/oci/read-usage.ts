import "server-only";
import { requests as objectStorageRequests } from "oci-objectstorage";
import { models as usageModels } from "oci-usageapi";
import type { OciIdentity } from "@/lib/oci/auth-provider";
import { createOciClients, type OciClients } from "@/lib/oci/clients";
import { ociErrorMessage } from "@/lib/oci/oci-error-message";
import {
  reshapeBucket,
  reshapeInstance,
  reshapeLoadBalancer,
  reshapeVolume,
} from "@/lib/oci/reshape";
import { usageSummaryModel } from "@/lib/oci/sdk-schemas";
import type {
  BucketUsage,
  FreeTierUsage,
  InstanceUsage,
  LoadBalancerUsage,
  MonthToDateCost,
  Section,
  VolumeUsage,
} from "@/lib/oci/types";

type Page<T> = { items: T[]; opcNextPage?: string };

async function listAll<T>(fetchPage: (page: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const all: T[] = [];
  let page: string | undefined;
  for (let round = 0; round < 100; round += 1) {
    const response = await fetchPage(page);
    all.push(...response.items);
    page = response.opcNextPage;
    if (!page) break;
  }
  return all;
}

async function section<T>(call: string, work: () => Promise<T>): Promise<Section<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: ociErrorMessage(error, call) };
  }
}

// Terminated resources linger in Oracle's lists for a while; they cost and count nothing.
const gone = new Set(["TERMINATED", "TERMINATING"]);

async function listInstances(clients: OciClients, compartmentId: string): Promise<InstanceUsage[]> {
  const items = await listAll((page) => clients.compute.listInstances({ compartmentId, page }));
  return items.map(reshapeInstance).filter((instance) => !gone.has(instance.state));
}

async function listVolumes(clients: OciClients, compartmentId: string): Promise<VolumeUsage[]> {
  const [boot, block] = await Promise.all([
    listAll((page) => clients.blockstorage.listBootVolumes({ compartmentId, page })),
    listAll((page) => clients.blockstorage.listVolumes({ compartmentId, page })),
  ]);
  return [
    ...boot.map((volume) => reshapeVolume(volume, "boot")),
    ...block.map((volume) => reshapeVolume(volume, "block")),
  ].filter((volume) => !gone.has(volume.state));
}

async function listBuckets(clients: OciClients, compartmentId: string): Promise<BucketUsage[]> {
  const namespaceName = (await clients.objectStorage.getNamespace({})).value;
  const summaries = await listAll((page) =>
    clients.objectStorage.listBuckets({ namespaceName, compartmentId, page }),
  );
  const { Fields } = objectStorageRequests.GetBucketRequest;
  const fields = [Fields.ApproximateSize, Fields.ApproximateCount];
  return Promise.all(
    summaries.map(async ({ name }) => {
      const { bucket } = await clients.objectStorage.getBucket({
        namespaceName,
        bucketName: name,
        fields,
      });
      return reshapeBucket(bucket);
    }),
  );
}

async function listLoadBalancers(
  clients: OciClients,
  compartmentId: string,
): Promise<LoadBalancerUsage[]> {
  const items = await listAll((page) =>
    clients.loadBalancer.listLoadBalancers({ compartmentId, page }),
  );
  return items.map(reshapeLoadBalancer).filter((balancer) => !gone.has(balancer.state));
}

/** Oracle's own figure for this calendar month so far (UTC), from the Usage API. */
async function monthToDate(
  clients: OciClients,
  tenantId: string,
  now: Date,
): Promise<MonthToDateCost> {
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1));
  const response = await clients.usage.requestSummarizedUsages({
    requestSummarizedUsagesDetails: {
      tenantId,
      timeUsageStarted: from,
      timeUsageEnded: to,
      granularity: usageModels.RequestSummarizedUsagesDetails.Granularity.Monthly,
      queryType: usageModels.RequestSummarizedUsagesDetails.QueryType.Cost,
    },
  });
  const items = response.usageAggregation.items.map((item) => usageSummaryModel.parse(item));
  return {
    amount: items.reduce((sum, item) => sum + (item.computedAmount ?? 0), 0),
    currency: items.find((item) => item.currency)?.currency ?? "USD",
    from: from.toISOString(),
    to: to.toISOString(),
  };
}

export async function readFreeTierUsage(
  identity: OciIdentity,
  options: { compartmentId: string | undefined; endpoint: string | undefined; now?: Date },
): Promise<FreeTierUsage> {
  const clients = createOciClients(identity, options.endpoint);
  const compartmentId = options.compartmentId ?? identity.tenancyId;
  const [instances, volumes, buckets, loadBalancers, cost] = await Promise.all([
    section("Listing compute instances", () => listInstances(clients, compartmentId)),
    section("Listing boot and block volumes", () => listVolumes(clients, compartmentId)),
    section("Listing buckets", () => listBuckets(clients, compartmentId)),
    section("Listing load balancers", () => listLoadBalancers(clients, compartmentId)),
    section("Reading this month's usage report", () =>
      monthToDate(clients, identity.tenancyId, options.now ?? new Date()),
    ),
  ]);
  return {
    region: identity.region,
    compartmentId,
    instances,
    volumes,
    buckets,
    loadBalancers,
    monthToDate: cost,
  };
}
