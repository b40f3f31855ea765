import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  editKustomizationDocument,
  editKustomizationResources,
} from "@/lib/manifests/kustomization-resources";

const header =
  "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nnamespace: tinkerbell\n";
const listOf = (names: string[]) =>
  `${header}resources:\n${names.map((name) => `  - ${name}`).join("\n")}\n`;

describe("the resources list of a kustomization.yaml", () => {
  it("puts a new server's file where it sorts, and takes a decommissioned one out", () => {
    const text = listOf(["rack1-node1.yaml", "rack1-node3.yaml"]);
    expect(editKustomizationResources(text, { add: ["rack1-node2.yaml"] })).toBe(
      listOf(["rack1-node1.yaml", "rack1-node2.yaml", "rack1-node3.yaml"]),
    );
    expect(editKustomizationResources(text, { remove: ["rack1-node1.yaml"] })).toBe(
      listOf(["rack1-node3.yaml"]),
    );
  });

  it("gives back the same bytes when nothing changes", () => {
    const text = listOf(["a.yaml"]);
    expect(editKustomizationResources(text, { add: ["a.yaml"], remove: ["b.yaml"] })).toBe(text);
  });

  it("writes the same file as the YAML document API for the shapes the console writes", () => {
    const edits = [
      { add: ["m.yaml"] },
      { add: ["0.yaml", "zz.yaml", "b.yaml"] },
      { remove: ["c.yaml"], add: ["c2.yaml"] },
      { remove: ["a.yaml", "c.yaml", "e.yaml"] },
    ];
    for (const text of [listOf(["a.yaml", "c.yaml", "e.yaml"]), `${header}resources: []\n`]) {
      for (const edit of edits) {
        expect(editKustomizationResources(text, edit)).toBe(editKustomizationDocument(text, edit));
      }
    }
  });

  it("keeps comments, other fields and an unsorted order a person chose", () => {
    const text = `# the lab's servers\n${header}resources:\n  - zeta.yaml\n  # kept for the move\n  - alpha.yaml\nlabels:\n  - pairs:\n      site: ams1\n`;
    const edited = editKustomizationResources(text, { add: ["beta.yaml"] });
    expect(edited).toContain("# the lab's servers");
    expect(edited).toContain("# kept for the move");
    expect(parse(edited)).toMatchObject({
      resources: ["beta.yaml", "zeta.yaml", "alpha.yaml"],
      labels: [{ pairs: { site: "ams1" } }],
    });
  });

  it("edits a list of 10,000 servers as lines and still refuses a file that is not YAML", () => {
    const names = Array.from(
      { length: 10_000 },
      (_, i) => `bench-${String(i).padStart(5, "0")}.yaml`,
    );
    const edited = editKustomizationResources(listOf(names), { add: ["bench-04999a.yaml"] });
    const resources = (parse(edited) as { resources: string[] }).resources;
    expect(resources).toHaveLength(10_001);
    expect(resources.indexOf("bench-04999a.yaml")).toBe(5_000);
    expect(() =>
      editKustomizationResources(`${listOf(names)}namespace: [unclosed\n`, { add: ["x.yaml"] }),
    ).toThrow(/kustomization\.yaml/);
  });

  it("leaves entries YAML would read as something else to the document API", () => {
    const text = `${header}resources:\n  - "1e3"\n  - b.yaml\n`;
    expect(parse(editKustomizationResources(text, { add: ["a.yaml"] }))).toMatchObject({
      resources: ["1e3", "a.yaml", "b.yaml"],
    });
  });
});
