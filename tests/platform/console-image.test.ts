import { beforeAll, describe, expect, it } from "vitest";
import { renderLayer } from "./lib/flux-build";
import { imageReferenceProblem } from "./lib/image-reference";
import { platformSettings, sampleTerraformValues } from "./lib/platform-env";
import { podImages } from "./lib/pod-images";
import { tool } from "./lib/tools";

let kustomize = "";
beforeAll(() => {
  kustomize = tool("kustomize");
}, 300_000);

// Needs GitHub and a cluster to see for real; asserted on the rendered artifact instead: the
// Deployment as kustomize-controller renders `apps` with the settings cloud-init writes.
function consoleImage(githubRepository: string): string {
  const settings = platformSettings({
    ...sampleTerraformValues,
    github_repository: githubRepository,
  });
  const { objects, problems } = renderLayer(kustomize, "apps", settings);
  expect(problems).toEqual([]);
  const deployment = objects.find(
    (o) => o.kind === "Deployment" && o.metadata.name === "foundry-console",
  );
  if (!deployment) throw new Error("apps renders no Deployment foundry-console");
  const [console] = podImages(deployment);
  return console?.image ?? "";
}

describe("the console's image, as Flux renders it from the platform settings", () => {
  it("is a valid reference the kubelet accepts (not InvalidImageName)", () => {
    expect(imageReferenceProblem(consoleImage("octo/metal-foundry"))).toBeUndefined();
  });

  it("is the fork's own GHCR image, named from the repository", () => {
    expect(consoleImage("octo/metal-foundry")).toMatch(/^ghcr\.io\/octo\/metal-foundry:[\w.-]+$/);
  });

  it("is lower-cased when the fork's owner or name has capitals", () => {
    const image = consoleImage("Octo-Labs/Metal-Foundry");
    expect(image).toMatch(/^ghcr\.io\/octo-labs\/metal-foundry:[\w.-]+$/);
    expect(imageReferenceProblem(image)).toBeUndefined();
  });
});
