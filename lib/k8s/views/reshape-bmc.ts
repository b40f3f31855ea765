import type { z } from "zod";
import { labelKeys } from "@/lib/manifests/labels";
import type { bmcJobObjectSchema, machineSchema } from "@/lib/k8s/schemas/rufio";

type Machine = z.infer<typeof machineSchema>;
type BmcJobObject = z.infer<typeof bmcJobObjectSchema>;

/** What Rufio last saw of a server's BMC, and how its newest Job went. */
export type BmcView = {
  power: "on" | "off" | "unknown" | null;
  /** Rufio's Contactable condition: false with its message when the BMC cannot be reached. */
  contactable: { ok: boolean; message: string | null } | null;
  lastJob: BmcJobView | null;
};

export type BmcJobView = {
  name: string;
  /** The Job's tasks in words, e.g. "power cycle". */
  asked: string;
  state: "waiting" | "running" | "completed" | "failed";
  message: string | null;
  at: string | null;
};

const powerWords: Record<string, string> = {
  on: "power on",
  off: "power off",
  soft: "soft power off",
  cycle: "power cycle",
  reset: "reset",
  status: "power status",
};

function askedOf(job: BmcJobObject): string {
  const words = (job.spec?.tasks ?? []).map((task) => {
    const power = task.powerAction;
    if (typeof power === "string") return powerWords[power] ?? power;
    if ("oneTimeBootDeviceAction" in task) return "next boot from the network";
    if ("virtualMediaAction" in task) return "virtual media";
    return "a task";
  });
  return words.join(", ") || "nothing";
}

export function reshapeBmcJob(job: BmcJobObject): BmcJobView {
  const conditions = job.status?.conditions ?? [];
  const holds = (type: string) => conditions.find((c) => c.type === type && c.status === "True");
  const failed = holds("Failed");
  const completed = holds("Completed");
  const running = holds("Running");
  const state = failed ? "failed" : completed ? "completed" : running ? "running" : "waiting";
  return {
    name: job.metadata.name,
    asked: askedOf(job),
    state,
    message: (failed ?? completed ?? running)?.message ?? null,
    at:
      (
        job.status?.completionTime ??
        job.status?.startTime ??
        job.metadata.creationTimestamp
      )?.toISOString() ?? null,
  };
}

/** The server a Job is about: the console's label, else the Machine it names. */
export function jobServer(job: BmcJobObject): string | undefined {
  return job.metadata.labels?.[labelKeys.server] ?? job.spec?.machineRef?.name;
}

export function reshapeBmc(machine: Machine | undefined, job: BmcJobObject | undefined): BmcView {
  const power = machine?.status?.powerState;
  const contactable = machine?.status?.conditions?.find((c) => c.type === "Contactable");
  return {
    power: power === "on" || power === "off" || power === "unknown" ? power : null,
    contactable: contactable
      ? { ok: contactable.status === "True", message: contactable.message ?? null }
      : null,
    lastJob: job ? reshapeBmcJob(job) : null,
  };
}
