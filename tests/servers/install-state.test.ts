import { describe, expect, it } from "vitest";
import type { WorkflowView } from "@/lib/k8s/views/reshape-workflow";
import { installState } from "@/lib/servers/install-state";
import type { WorkflowRecord } from "@/lib/servers/server-record";

const inGit: WorkflowRecord = {
  path: "tinkerbell/workflows/rack1-node3.yaml",
  name: "rack1-node3-g2",
  server: "rack1-node3",
  generation: 2,
  template: "ubuntu-2404",
  hardwareMap: {},
};

function live(state: WorkflowView["state"], name = inGit.name): WorkflowView {
  return {
    name,
    namespace: "tinkerbell",
    hardware: "rack1-node3",
    template: "ubuntu-2404",
    state,
    tone: "progressing",
    actions: [],
    completed: 2,
    currentIndex: 3,
    currentAction: "write-netplan",
    total: 5,
    startedAt: null,
    finishedAt: null,
    createdAt: null,
    message: null,
  };
}

describe("the server page's install state", () => {
  it("says provisioned only once the cluster's Workflow of this generation succeeded", () => {
    expect(installState(inGit, live("succeeded"))).toBe(
      "Provisioned with ubuntu-2404 (generation 2)",
    );
    expect(installState(inGit, null)).toBe(
      "ubuntu-2404 (generation 2) committed; not in the cluster yet",
    );
    expect(installState(inGit, live("pending"))).toBe(
      "ubuntu-2404 (generation 2) applied; waiting for the server to boot",
    );
    expect(installState(inGit, live("running"))).toBe(
      "Installing ubuntu-2404 (generation 2): action 3 of 5",
    );
    expect(installState(inGit, live("failed"))).toBe(
      "Install of ubuntu-2404 (generation 2) failed",
    );
  });

  it("does not take the previous install's success for a reprovision Flux has not applied yet", () => {
    expect(installState(inGit, live("succeeded", "rack1-node3-g1"))).toBe(
      "ubuntu-2404 (generation 2) committed; not in the cluster yet",
    );
  });

  it("says a server without a Workflow in Git is registered", () => {
    expect(installState(undefined, live("succeeded"))).toBe("Registered, not provisioned");
  });
});
