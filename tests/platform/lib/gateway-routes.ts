import type { K8sObject } from "./yaml-files";

// Where a Gateway sends a request, by the Gateway API rules the tree relies on: a route attaches
// to the listener its parentRef names when that listener admits the route's namespace; among the
// attached rules an Exact path beats any prefix and a longer prefix beats a shorter one.
export interface Listener {
  name: string;
  port: number;
  protocol: string;
  hostname?: string;
  tls?: { mode?: string; certificateRefs?: { kind?: string; name: string }[] };
  allowedRoutes?: {
    namespaces?: {
      from?: string;
      selector?: {
        matchExpressions?: { key: string; operator: string; values: string[] }[];
      };
    };
  };
}

interface ParentRef {
  name: string;
  namespace?: string;
  sectionName?: string;
}

interface Rule {
  matches?: { path?: { type?: string; value?: string } }[];
  backendRefs?: { name: string; namespace?: string; port?: number }[];
  filters?: { type: string }[];
}

export interface Outcome {
  route: string;
  backend?: string;
  redirect?: boolean;
}

export const listenersOf = (gateway: K8sObject): Listener[] =>
  (gateway.spec as { listeners?: Listener[] } | undefined)?.listeners ?? [];

function admitsNamespace(gateway: K8sObject, listener: Listener, namespace: string): boolean {
  const from = listener.allowedRoutes?.namespaces?.from ?? "Same";
  if (from === "All") return true;
  if (from === "Same") return namespace === gateway.metadata.namespace;
  const expressions = listener.allowedRoutes?.namespaces?.selector?.matchExpressions ?? [];
  return expressions.every(
    (e) =>
      e.key === "kubernetes.io/metadata.name" &&
      e.operator === "In" &&
      e.values.includes(namespace),
  );
}

export function attached(gateway: K8sObject, listener: Listener, routes: K8sObject[]): K8sObject[] {
  return routes.filter((route) => {
    const ns = route.metadata.namespace ?? "";
    const refs = (route.spec as { parentRefs?: ParentRef[] }).parentRefs ?? [];
    return refs.some(
      (ref) =>
        ref.name === gateway.metadata.name &&
        (ref.namespace ?? ns) === gateway.metadata.namespace &&
        (ref.sectionName === undefined || ref.sectionName === listener.name) &&
        admitsNamespace(gateway, listener, ns),
    );
  });
}

export function resolve(
  gateway: K8sObject,
  routes: K8sObject[],
  request: { port: number; host: string; path: string },
): Outcome | undefined {
  const listener = listenersOf(gateway).find((l) => l.port === request.port);
  if (!listener || (listener.hostname && listener.hostname !== request.host)) return undefined;
  let best: { score: number; outcome: Outcome } | undefined;
  for (const route of attached(gateway, listener, routes)) {
    const spec = route.spec as { hostnames?: string[]; rules?: Rule[] };
    if (spec.hostnames && !spec.hostnames.includes(request.host)) continue;
    for (const rule of spec.rules ?? []) {
      for (const m of rule.matches ?? [{}]) {
        const type = m.path?.type ?? "PathPrefix";
        const value = m.path?.value ?? "/";
        const hit = type === "Exact" ? request.path === value : request.path.startsWith(value);
        if (!hit) continue;
        const score = type === "Exact" ? Number.MAX_SAFE_INTEGER : value.length;
        if (best && best.score >= score) continue;
        const ns = route.metadata.namespace ?? "";
        const backend = rule.backendRefs?.[0];
        best = {
          score,
          outcome: {
            route: `${ns}/${route.metadata.name ?? "?"}`,
            backend: backend && `${backend.namespace ?? ns}/${backend.name}:${backend.port ?? "?"}`,
            redirect: rule.filters?.some((f) => f.type === "RequestRedirect"),
          },
        };
      }
    }
  }
  return best?.outcome;
}
