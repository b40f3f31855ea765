import { describe, expect, it } from "vitest";
import type { ServerClusterView } from "@/lib/k8s/read/server-cluster-view";
import { workflowSchema } from "@/lib/k8s/schemas/tinkerbell";
import { reshapeWorkflow, type WorkflowView } from "@/lib/k8s/views/reshape-workflow";
import { serverSteps } from "@/lib/timeline/server-steps";

const hardware: ServerClusterView["hardware"] = {
  name: "rack1-node3",
  namespace: "tinkerbell",
  hostname: "rack1-node3",
  macs: ["52:54:00:12:34:56"],
  ips: [],
  arch: "x86_64",
  createdAt: "2026-12-01T10:00:00Z",
};

function workflow(state: WorkflowView["state"], finishedAt: string | null): WorkflowView {
  return {
    name: "rack1-node3-g2",
    namespace: "tinkerbell",
    hardware: "rack1-node3",
    template: "ubuntu-2404",
    state,
    tone: "progressing",
    actions: [],
    completed: 0,
    currentIndex: null,
    currentAction: null,
    total: 5,
    startedAt: null,
    finishedAt,
    createdAt: "2026-12-01T12:00:00Z",
    message: null,
  };
}

const readyNode = (readySince: string) => ({
  name: "rack1-node3",
  ready: true,
  readySince,
  kubeletVersion: "v1.33.5+k3s1",
});

const nodeStep = (view: Omit<ServerClusterView, "name" | "hardware">) =>
  serverSteps({ name: "rack1-node3", hardware, ...view }, [], true).find(
    (step) => step.key === "node-ready",
  );

describe("the timeline's Node Ready step", () => {
  it("is done when the node turned Ready after this install finished", () => {
    expect(
      nodeStep({
        workflow: workflow("succeeded", "2026-12-01T12:10:00Z"),
        node: readyNode("2026-12-01T12:12:00Z"),
      }),
    ).toMatchObject({ state: "done", at: "2026-12-01T12:12:00Z" });
  });

  it("is done for a node Ready in the same second the install finished (conditions have whole seconds)", () => {
    expect(
      nodeStep({
        workflow: workflow("succeeded", "2026-12-01T12:10:00.750Z"),
        node: readyNode("2026-12-01T12:10:00Z"),
      }),
    ).toMatchObject({ state: "done" });
  });

  it("is not done while a reinstall waits or runs, though the previous install's node is Ready", () => {
    for (const state of ["pending", "running"] as const) {
      expect(
        nodeStep({ workflow: workflow(state, null), node: readyNode("2026-11-20T08:00:00Z") }),
      ).toMatchObject({
        state: "waiting",
        detail: "Node rack1-node3 (v1.33.5+k3s1), Ready from the previous install",
      });
    }
  });

  it("waits for the node to come back after the reinstall succeeded", () => {
    expect(
      nodeStep({
        workflow: workflow("succeeded", "2026-12-01T12:10:00Z"),
        node: readyNode("2026-11-20T08:00:00Z"),
      }),
    ).toMatchObject({ state: "current" });
  });

  it("is done for a node Ready without any Workflow (joined outside the console)", () => {
    expect(nodeStep({ workflow: null, node: readyNode("2026-11-20T08:00:00Z") })).toMatchObject({
      state: "done",
    });
  });
});

describe("a reinstall committed but not yet applied by Flux", () => {
  // The previous install's Workflow (created 12:00) succeeded; the reprovision was asked at 13:00.
  const steps = serverSteps(
    {
      name: "rack1-node3",
      hardware,
      workflow: workflow("succeeded", "2026-12-01T12:10:00Z"),
      node: readyNode("2026-12-01T12:12:00Z"),
    },
    [],
    false,
    new Date("2026-12-01T13:00:00.400Z"),
  );
  const step = (key: string) => steps.find((each) => each.key === key);

  it("shows none of the previous install's steps as this one's", () => {
    expect(step("workflow")).toMatchObject({
      state: "waiting",
      detail:
        "The new Workflow is not in the cluster yet (rack1-node3-g2 is the previous install's)",
    });
    expect(step("succeeded")).toMatchObject({ state: "waiting", at: null });
    expect(step("node-ready")).toMatchObject({
      state: "waiting",
      detail: "Node rack1-node3 (v1.33.5+k3s1), Ready from the previous install",
    });
  });

  it("follows the new Workflow once it is in the cluster, created in the second it was asked for", () => {
    const applied = serverSteps(
      {
        name: "rack1-node3",
        hardware,
        workflow: { ...workflow("pending", null), createdAt: "2026-12-01T13:00:00Z" },
        node: readyNode("2026-12-01T12:12:00Z"),
      },
      [],
      true,
      new Date("2026-12-01T13:00:00.400Z"),
    );
    expect(applied.find((each) => each.key === "workflow")).toMatchObject({
      state: "current",
      detail: "Workflow rack1-node3-g2: waiting for the server to boot",
    });
  });
});

describe("the timeline's Workflow step", () => {
  it("fails with Tinkerbell's reason when the Template does not render, instead of waiting for a boot", () => {
    // As the Tink controller (v0.21.0) records it: no state, no tasks, the reason on a condition.
    const recorded = workflowSchema.parse({
      metadata: { name: "rack1-node3-1", namespace: "tinkerbell" },
      spec: { templateRef: "gold-image", hardwareRef: "rack1-node3" },
      status: {
        templateRendering: "failed",
        conditions: [
          {
            type: "TemplateRenderedSuccess",
            status: "False",
            reason: "Error",
            message:
              'error rendering template: template: workflow-template:27:42: executing "workflow-template" at <.image_sha256>: map has no entry for key "image_sha256"',
          },
        ],
      },
    });
    const step = serverSteps(
      { name: "rack1-node3", hardware, workflow: reshapeWorkflow(recorded), node: null },
      [],
      true,
    ).find((candidate) => candidate.key === "workflow");
    expect(step).toMatchObject({ state: "failed" });
    expect(step?.message).toContain("Tinkerbell could not render template gold-image");
    expect(step?.message).toContain('map has no entry for key "image_sha256"');
  });
});

describe("the timeline's netboot refusal", () => {
  const boots = [
    { at: "2026-12-01T11:00:00.000Z", detail: "52:54:00:12:34:56", kind: "booted" as const },
    {
      at: "2026-12-01T11:00:03.000Z",
      detail: "52:54:00:12:34:56",
      kind: "netboot-refused" as const,
    },
  ];
  const refusal = (view: Omit<ServerClusterView, "name" | "hardware">, events = boots) =>
    serverSteps({ name: "rack1-node3", hardware, ...view }, events, true).find(
      (step) => step.key === "netboot-refused",
    );

  it("is a failed step after the boot when Smee had nothing, saying what to do", () => {
    const steps = serverSteps(
      { name: "rack1-node3", hardware, workflow: null, node: null },
      boots,
      true,
    );
    const keys = steps.map((step) => step.key);
    expect(keys.indexOf("netboot-refused")).toBe(keys.indexOf("booted") + 1);
    expect(steps[keys.indexOf("netboot-refused")]).toMatchObject({
      state: "failed",
      label: "Nothing booted from Tinkerbell",
      at: "2026-12-01T11:00:03.000Z",
      message: expect.stringMatching(/does not allow netboot.*Provision or reprovision/),
    });
  });

  it("is over once a Workflow runs (the machine kept asking and got its install)", () => {
    const running = { ...workflow("running", null), completed: 1, currentIndex: 2 };
    expect(refusal({ workflow: running, node: null })).toBeUndefined();
    const pendingBefore = { ...workflow("pending", null), createdAt: "2026-12-01T10:30:00Z" };
    expect(refusal({ workflow: pendingBefore, node: null })).toMatchObject({ state: "failed" });
  });

  it("is not this install's once a provision, its Workflow or a new Hardware came after it", () => {
    const later = (at: string) => ({ ...workflow("pending", null), createdAt: at });
    // A provision requested after the refusal: its Workflow is not applied yet.
    expect(
      serverSteps(
        { name: "rack1-node3", hardware, workflow: null, node: null },
        boots,
        true,
        new Date("2026-12-01T11:59:00Z"),
      ).find((step) => step.key === "netboot-refused"),
    ).toBeUndefined();
    expect(refusal({ workflow: later("2026-12-01T12:00:00Z"), node: null })).toBeUndefined();
    // The name used again: a Hardware made after the old server's refusal.
    const again = { ...hardware, createdAt: "2026-12-02T09:00:00Z" };
    expect(
      serverSteps(
        { name: "rack1-node3", hardware: again, workflow: null, node: null },
        boots,
        true,
      ).map((step) => step.key),
    ).not.toContain("netboot-refused");
  });

  it("says an install is waiting when the refusal came after its Workflow", () => {
    const pending = { ...workflow("pending", null), createdAt: "2026-12-01T10:59:00Z" };
    expect(refusal({ workflow: pending, node: null })?.message).toMatch(
      /An install is waiting.*Smee can be reached/,
    );
  });

  it("is not shown for an earlier boot once the machine booted its media again", () => {
    const again = [
      ...boots,
      { at: "2026-12-01T12:00:00.000Z", detail: "52:54:00:12:34:56", kind: "booted" as const },
    ];
    expect(refusal({ workflow: null, node: null }, again)).toBeUndefined();
  });
});
