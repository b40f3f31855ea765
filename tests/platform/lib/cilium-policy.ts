import type { K8sObject } from "./yaml-files";

// Which peers a set of policies admits to a pod's port, the way Cilium 1.18.2 reads them
// (pkg/k8s/network_policy.go): an empty namespaceSelector becomes "has a namespace label", a
// podSelector alone means the policy's own namespace, a rule without `from` admits everyone;
// CiliumNetworkPolicy's fromEntities names reserved identities such as `ingress`. Only what the
// platform's and Flux's own policies use is modelled; anything else admits nothing.
export interface Peer {
  namespace?: string;
  labels: Record<string, string>;
  entity?: string;
}

export interface Target {
  namespace: string;
  labels: Record<string, string>;
  port: number;
}

interface Selector {
  matchLabels?: Record<string, string>;
}

interface NpPeer {
  namespaceSelector?: Selector;
  podSelector?: Selector;
}

interface NpRule {
  from?: NpPeer[];
  ports?: { port?: number | string }[];
}

interface CnpRule {
  fromEntities?: string[];
  toPorts?: { ports?: { port?: string }[] }[];
}

const matches = (selector: Selector | undefined, labels: Record<string, string>): boolean =>
  Object.entries(selector?.matchLabels ?? {}).every(([k, v]) => labels[k] === v);

const portAllowed = (ports: (number | string | undefined)[] | undefined, port: number): boolean =>
  !ports || ports.length === 0 || ports.some((p) => Number(p) === port);

function npPeerAdmits(peer: NpPeer, policyNs: string, who: Peer): boolean {
  if (peer.namespaceSelector) {
    // Cilium's translation: every namespace selector requires the namespace label.
    if (who.namespace === undefined) return false;
    const nsLabels = { "kubernetes.io/metadata.name": who.namespace };
    return matches(peer.namespaceSelector, nsLabels) && matches(peer.podSelector, who.labels);
  }
  if (peer.podSelector) return who.namespace === policyNs && matches(peer.podSelector, who.labels);
  return false;
}

function admitsByNetworkPolicy(np: K8sObject, who: Peer, to: Target): boolean {
  const spec = np.spec as { podSelector?: Selector; ingress?: NpRule[] };
  if (np.metadata.namespace !== to.namespace || !matches(spec.podSelector, to.labels)) return false;
  return (spec.ingress ?? []).some(
    (rule) =>
      portAllowed(
        rule.ports?.map((p) => p.port),
        to.port,
      ) &&
      (rule.from === undefined ||
        rule.from.length === 0 ||
        rule.from.some((peer) => npPeerAdmits(peer, to.namespace, who))),
  );
}

function admitsByCiliumPolicy(cnp: K8sObject, who: Peer, to: Target): boolean {
  const spec = cnp.spec as { endpointSelector?: Selector; ingress?: CnpRule[] };
  if (cnp.metadata.namespace !== to.namespace || !matches(spec.endpointSelector, to.labels)) {
    return false;
  }
  return (spec.ingress ?? []).some(
    (rule) =>
      (rule.fromEntities ?? []).some((e) => e === "all" || e === who.entity) &&
      portAllowed(
        rule.toPorts?.flatMap((t) => (t.ports ?? []).map((p) => p.port)),
        to.port,
      ),
  );
}

export function admits(policies: K8sObject[], who: Peer, to: Target): boolean {
  return policies.some((p) =>
    p.kind === "NetworkPolicy"
      ? admitsByNetworkPolicy(p, who, to)
      : p.kind === "CiliumNetworkPolicy" && admitsByCiliumPolicy(p, who, to),
  );
}

// A pod no policy selects is not isolated: everything reaches it, whatever admits() says.
export function isolated(policies: K8sObject[], to: Omit<Target, "port">): boolean {
  return policies.some((p) => {
    const spec = p.spec as { podSelector?: Selector; endpointSelector?: Selector };
    const selector = p.kind === "NetworkPolicy" ? spec.podSelector : spec.endpointSelector;
    return p.metadata.namespace === to.namespace && matches(selector, to.labels);
  });
}
