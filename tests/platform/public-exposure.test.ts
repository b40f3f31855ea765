// Public exposure on 80/443 (docs/decisions/006-public-exposure.md). Nothing here can bind a port
// on OCI, so each case reads the rendered artifact (the values Flux passes to the chart, the
// Gateway and routes Flux applies, the policies of the pinned Flux) against the upstream source
// at the pinned versions, fetched from the Go module proxy.
import { readFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { admits, isolated, type Peer } from "./lib/cilium-policy";
import { attached, listenersOf, resolve } from "./lib/gateway-routes";
import { goModuleDir } from "./lib/go-module";
import { at, coalesce, isValues, type Values } from "./lib/helm-values";
import { repoRoot } from "./lib/reference";
import { manifestObjects, type K8sObject } from "./lib/yaml-files";

const objects = manifestObjects().map(({ object }) => object);
// A missing object stands in empty, so each case below fails on its own assertion.
const one = (kind: string, name: string): K8sObject =>
  objects.find((o) => o.kind === kind && o.metadata.name === name) ?? {
    apiVersion: "missing",
    kind,
    metadata: { name },
    spec: {},
  };
const spec = (o: K8sObject): Values => (isValues(o.spec) ? o.spec : {});
const cilium = one("HelmRelease", "cilium");
const ciliumVersion = String(at(cilium.spec, "chart.spec.version"));
const fluxValues = (at(cilium.spec, "values") ?? {}) as Values;
const gateway = one("Gateway", "foundry");
const routes = objects.filter((o) => o.kind === "HTTPRoute");
const gatewayApiTag = String(at(one("GitRepository", "gateway-api").spec, "ref.tag"));

let ciliumDir = "";
let chart: Values = {};
const ciliumFile = (p: string): string => readFileSync(path.join(ciliumDir, p), "utf8");
beforeAll(() => {
  ciliumDir = goModuleDir("github.com/cilium/cilium", `v${ciliumVersion}`);
  chart = parse(ciliumFile("install/kubernetes/cilium/values.yaml")) as Values;
}, 600_000);

describe(`Cilium ${ciliumVersion} binds 80 and 443 on the host (chart values and operator source)`, () => {
  it("uses the Gateway API in host-network mode, not the Ingress controller's shared port", () => {
    const merged = coalesce(chart, fluxValues);
    // operator/pkg/ingress/ingress_reconcile.go: in host-network mode every shared Ingress
    // listener (HTTP, HTTPS, passthrough) is the one sharedListenerPort, so 80 and 443 cannot both be.
    expect(ciliumFile("operator/pkg/ingress/ingress_reconcile.go")).toMatch(
      /return r\.hostNetworkSharedPort, r\.hostNetworkSharedPort, r\.hostNetworkSharedPort/,
    );
    expect(at(merged, "ingressController.enabled")).toBe(false);
    expect(at(merged, "gatewayAPI.enabled")).toBe(true);
    expect(at(merged, "gatewayAPI.hostNetwork.enabled")).toBe(true);
    expect(at(merged, "kubeProxyReplacement")).toBe(true);
    expect(at(merged, "l7Proxy")).toBe(true);
  });

  it("binds exactly the Gateway's listener ports, 80 and 443", () => {
    // The host-network listener's addresses are the model's ports (envoy_listener.go), and a
    // Gateway listener's port is the model's port (ingestion/gateway.go).
    expect(ciliumFile("operator/pkg/model/translation/envoy_listener.go")).toMatch(
      /getHostNetworkListenerAddresses\(m\.AllPorts\(\)/,
    );
    expect(ciliumFile("operator/pkg/model/ingestion/gateway.go")).toMatch(
      /Port:\s+uint32\(l\.Port\)/,
    );
    const ports = [...new Set(listenersOf(gateway).map((l) => l.port))].sort((a, b) => a - b);
    expect(ports).toEqual([80, 443]);
    expect(spec(gateway).gatewayClassName).toBe("cilium");
    // The chart makes the cilium GatewayClass once the CRD is there (create: auto).
    expect(at(coalesce(chart, fluxValues), "gatewayAPI.gatewayClass.create")).toBe("auto");
  });

  it("lets Envoy bind privileged ports: NET_BIND_SERVICE granted and kept, chart's list kept", () => {
    const merged = coalesce(chart, fluxValues);
    const daemonset = ciliumFile("install/kubernetes/cilium/templates/cilium-envoy/daemonset.yaml");
    expect(daemonset).toContain("--keep-cap-net-bind-service");
    expect(daemonset).toContain(".Values.envoy.securityContext.capabilities.envoy");
    expect(at(merged, "envoy.enabled")).toBe(true);
    expect(at(merged, "envoy.securityContext.privileged")).toBe(false);
    expect(at(merged, "envoy.securityContext.capabilities.keepCapNetBindService")).toBe(true);
    const added = at(merged, "envoy.securityContext.capabilities.envoy") as string[];
    const chartDefault = at(chart, "envoy.securityContext.capabilities.envoy") as string[];
    expect(added).toEqual(expect.arrayContaining([...chartDefault, "NET_BIND_SERVICE"]));
  });

  it("can roll the operator on one node (the chart's surge pod is barred by anti-affinity)", () => {
    expect(
      at(chart, "operator.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution"),
    ).toBeTruthy();
    const merged = coalesce(chart, fluxValues);
    expect(at(merged, "operator.replicas")).toBe(1);
    expect(at(merged, "operator.updateStrategy.rollingUpdate.maxSurge")).toBe(0);
    expect(at(merged, "operator.updateStrategy.rollingUpdate.maxUnavailable")).toBe(1);
  });
});

describe("the Gateway API CRDs", () => {
  it(`are the version Cilium ${ciliumVersion} documents, applied before the controllers`, () => {
    const doc = ciliumFile("Documentation/network/servicemesh/gateway-api/installation.rst");
    expect(doc).toContain(`CRDs from Gateway API ${gatewayApiTag}`);
    // The operator looks for them once, at start (operator/pkg/gateway-api/cell.go): the
    // annotation restarts it once Flux has applied them.
    expect(ciliumFile("operator/pkg/gateway-api/cell.go")).toMatch(
      /Required GatewayAPI resources are not found/,
    );
    expect(at(fluxValues, "operator.podAnnotations")).toEqual({
      "metal-foundry.dev/gateway-api-crds": gatewayApiTag,
    });
    const gatewayApi = spec(one("Kustomization", "gateway-api"));
    expect(gatewayApi.wait).toBe(true);
    expect(at(one("Kustomization", "infra-controllers").spec, "dependsOn")).toEqual(
      expect.arrayContaining([{ name: "gateway-api" }]),
    );
    expect(spec(one("Kustomization", "gateway-api-crds")).path).toBe("./config/crd");
    expect(spec(one("GitRepository", "gateway-api")).ignore).toMatch(
      /\/config\/crd\/experimental\//,
    );
  });

  it("are enabled in cert-manager, which then refuses to start without them", () => {
    expect(at(one("HelmRelease", "cert-manager").spec, "values.config.enableGatewayAPI")).toBe(
      true,
    );
  });
});

describe("routes on the one host", () => {
  const host = "${CONSOLE_HOSTNAME}";
  const https = (p: string) => resolve(gateway, routes, { port: 443, host, path: p });

  it("has one listener per port for the console's host, one certificate on 443", () => {
    const listeners = listenersOf(gateway);
    expect(listeners.map((l) => [l.port, l.protocol, l.hostname])).toEqual([
      [80, "HTTP", host],
      [443, "HTTPS", host],
    ]);
    const tls = listeners.find((l) => l.port === 443)?.tls;
    expect(tls?.mode).toBe("Terminate");
    expect(tls?.certificateRefs).toEqual([{ kind: "Secret", name: "foundry-console-tls" }]);
    expect(gateway.metadata).toMatchObject({
      annotations: { "cert-manager.io/cluster-issuer": "letsencrypt" },
    });
    expect(objects.filter((o) => o.kind === "Ingress")).toEqual([]);
  });

  it("sends the console's paths to the console and /hook/ to Flux's webhook-receiver", () => {
    expect(https("/")?.backend).toBe("foundry/foundry-console:80");
    expect(https("/servers/rack1-node3")?.backend).toBe("foundry/foundry-console:80");
    expect(https("/api/webhooks/github")?.backend).toBe("foundry/foundry-console:80");
    expect(https("/hook/0123abcd")?.backend).toBe("flux-system/webhook-receiver:80");
    expect(https("/hooks")?.backend).toBe("foundry/foundry-console:80");
    expect(
      resolve(gateway, routes, { port: 443, host: "other.example", path: "/" }),
    ).toBeUndefined();
  });

  it("routes nothing else of flux-system publicly", () => {
    const fromFlux = routes.filter((r) => r.metadata.namespace === "flux-system");
    const exposed = listenersOf(gateway).flatMap((l) => attached(gateway, l, fromFlux));
    expect(exposed.map((r) => `${r.metadata.namespace ?? ""}/${r.metadata.name ?? ""}`)).toEqual([
      "flux-system/flux-webhook",
    ]);
    for (const listener of listenersOf(gateway)) {
      for (const route of attached(gateway, listener, fromFlux)) {
        const rules = (spec(route).rules ?? []) as {
          matches?: { path?: { type?: string; value?: string } }[];
          backendRefs?: { name: string; port?: number }[];
        }[];
        for (const rule of rules) {
          expect(rule.backendRefs).toEqual([{ name: "webhook-receiver", port: 80 }]);
          expect(rule.matches).toEqual([{ path: { type: "PathPrefix", value: "/hook/" } }]);
        }
      }
    }
  });

  it("redirects port 80 to https, where cert-manager's exact challenge paths still win", () => {
    const http = (p: string) => resolve(gateway, routes, { port: 80, host, path: p });
    expect(http("/")?.redirect).toBe(true);
    expect(http("/hook/0123abcd")?.redirect).toBe(true);
    const challenge: K8sObject = {
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "cm-acme-http-solver", namespace: "gateway" },
      spec: {
        parentRefs: http01ParentRefs("letsencrypt"),
        hostnames: [host],
        rules: [
          {
            matches: [{ path: { type: "Exact", value: "/.well-known/acme-challenge/t0k3n" } }],
            backendRefs: [{ name: "cm-acme-http-solver-x", port: 8089 }],
          },
        ],
      },
    };
    const withChallenge = [...routes, challenge];
    expect(
      resolve(gateway, withChallenge, {
        port: 80,
        host,
        path: "/.well-known/acme-challenge/t0k3n",
      })?.backend,
    ).toBe("gateway/cm-acme-http-solver-x:8089");
  });

  it("solves HTTP-01 through the Gateway's port-80 listener in both ClusterIssuers", () => {
    for (const issuer of ["letsencrypt", "letsencrypt-staging"]) {
      expect(http01ParentRefs(issuer)).toEqual([
        { name: "foundry", namespace: "gateway", kind: "Gateway", sectionName: "http" },
      ]);
    }
    expect(listenersOf(gateway).find((l) => l.name === "http")?.port).toBe(80);
  });
});

function http01ParentRefs(issuer: string): unknown {
  return at(
    (at(one("ClusterIssuer", issuer).spec, "acme.solvers") as unknown[])[0],
    "http01.gatewayHTTPRoute.parentRefs",
  );
}

describe("network policy in flux-system: Flux's own (the pinned release's) and ours", () => {
  const fluxVersion = /variable "flux_version"[^}]*default\s*=\s*"([^"]+)"/.exec(
    readFileSync(path.join(repoRoot, "infra/terraform/variables.tf"), "utf8"),
  )?.[1];
  let fluxPolicies: K8sObject[] = [];
  beforeAll(() => {
    const dir = path.join(
      goModuleDir("github.com/fluxcd/flux2/v2", String(fluxVersion)),
      "manifests/policies",
    );
    // flux install puts them in its namespace (manifests/install sets namespace: flux-system).
    fluxPolicies = ["allow-egress", "allow-scraping", "allow-webhooks"].flatMap((name) =>
      parseAllDocuments(readFileSync(path.join(dir, `${name}.yaml`), "utf8")).map((d) => {
        const o = d.toJS() as K8sObject;
        return { ...o, metadata: { ...o.metadata, namespace: "flux-system" } };
      }),
    );
  }, 600_000);
  const ours = objects.filter(
    (o) => o.metadata.namespace === "flux-system" && /NetworkPolicy$/.test(o.kind),
  );
  const gatewayEnvoy: Peer = { labels: {}, entity: "ingress" };
  const controllers = [
    "source-controller",
    "kustomize-controller",
    "helm-controller",
    "notification-controller",
  ];
  // The controllers' ports: metrics 8080, events and artifacts 9090, webhooks 9292, health 9440.
  const ports = [8080, 9090, 9292, 9440];
  const reached = (policies: K8sObject[]): string[] =>
    controllers.flatMap((app) =>
      ports
        .filter((port) =>
          admits(policies, gatewayEnvoy, { namespace: "flux-system", labels: { app }, port }),
        )
        .map((port) => `${app}:${port}`),
    );

  it("refuses the Gateway's ingress identity with Flux's policies alone", () => {
    expect(fluxPolicies.map((p) => p.metadata.name)).toContain("allow-webhooks");
    for (const app of controllers) {
      expect(isolated(fluxPolicies, { namespace: "flux-system", labels: { app } })).toBe(true);
    }
    expect(reached(fluxPolicies)).toEqual([]);
    // A pod in another namespace does reach the receiver: the gap is the identity, not the port.
    const pod: Peer = { namespace: "foundry", labels: {} };
    expect(
      admits(fluxPolicies, pod, {
        namespace: "flux-system",
        labels: { app: "notification-controller" },
        port: 9292,
      }),
    ).toBe(true);
  });

  it("admits it to the webhook-receiver's port (9292) and nothing else of flux-system", () => {
    expect(reached([...fluxPolicies, ...ours])).toEqual(["notification-controller:9292"]);
  });
});
