import { expect, test } from "@playwright/test";
import { schemasFromCrdObject, type KeptSchema } from "../../tests/platform/lib/crd-schema";
import { createValidator, keptSchemas } from "../../tests/platform/lib/validator";
import { kubeRest } from "./kube-rest";
import { realStackDir } from "./settings";
import { stackPort } from "./stack";

/*
 * The schemas the unit tests validate the tree and the console's files against
 * (tests/platform/schemas) are those of the CRDs this real stack serves: Flux's of the pinned
 * release, Tinkerbell's of the pinned release, the Gateway API's of the pinned tag. A field only a
 * newer release knows is refused there, and the API server here prunes it as a real cluster would.
 */
type CrdList = { items: { metadata: { name: string }; spec: { group: string } }[] };

const api = kubeRest(realStackDir, `https://127.0.0.1:${stackPort("APISERVER")}`);
const checkedGroups =
  /(\.toolkit\.fluxcd\.io|^tinkerbell\.org|^bmc\.tinkerbell\.org|^gateway\.networking\.k8s\.io)$/;
const withoutSource = ({ source: _source, ...rest }: KeptSchema) => rest;

test("the kept schemas are the CRDs the real stack's API server serves", async () => {
  const list = await api.get<CrdList>("/apis/apiextensions.k8s.io/v1/customresourcedefinitions");
  const served = (list?.items ?? []).filter((crd) => checkedGroups.test(crd.spec.group));
  const fresh = new Map(
    served
      .flatMap((crd) => schemasFromCrdObject(crd, crd.metadata.name, "API server"))
      .map((kept) => [`${kept.apiVersion} ${kept.kind}`, withoutSource(kept)]),
  );
  const kept = new Map(
    [...keptSchemas().values()].map((k) => [`${k.apiVersion} ${k.kind}`, withoutSource(k)]),
  );
  expect([...fresh.keys()].sort()).toEqual([...kept.keys()].sort());
  for (const [key, schema] of fresh) expect(kept.get(key), key).toEqual(schema);
});

test("a Hardware field newer than the pinned Tinkerbell is refused by the kept schema and pruned by the API server", async () => {
  const hardware = {
    apiVersion: "tinkerbell.org/v1alpha1",
    kind: "Hardware",
    metadata: { name: "newer-field", namespace: "default" },
    spec: {
      interfaces: [
        {
          dhcp: { mac: "52:54:00:aa:bb:cc" },
          // interfaces[].isoboot arrived after Tinkerbell v0.21.0.
          isoboot: { sourceISO: "http://example.org/boot.iso" },
          netboot: { allowPXE: true },
        },
      ],
    },
  };
  const errors = createValidator().validate(hardware, hardware.apiVersion, hardware.kind);
  expect(errors.join()).toMatch(/additional properties/);

  const collection = "/apis/tinkerbell.org/v1alpha1/namespaces/default/hardware";
  // What a client gets that does not ask for strict field validation (Flux's apply does not).
  await api.create(`${collection}?fieldValidation=Ignore`, hardware);
  try {
    type Stored = { spec: { interfaces: Record<string, unknown>[] } };
    const stored = await api.get<Stored>(`${collection}/${hardware.metadata.name}`);
    const storedInterface = stored?.spec.interfaces[0];
    expect(storedInterface).toMatchObject({
      dhcp: { mac: "52:54:00:aa:bb:cc" },
      netboot: { allowPXE: true },
    });
    expect(storedInterface).not.toHaveProperty("isoboot");
  } finally {
    await api.delete(`${collection}/${hardware.metadata.name}`);
  }
});
