import "server-only";
import { mkdir } from "node:fs/promises";
import { writeOwner } from "@/lib/audit/journal";
import { applyMigrations, MigrationError } from "@/lib/db/migrate";
import { env } from "@/lib/settings/env";
import { EnvError, type Env } from "@/lib/settings/env-schema";
import { startLiveState } from "@/lib/events/live-state";
import { gitWriter } from "@/lib/gitops/writer";
import { trustForwardedFor } from "@/lib/http/trusted-forwarded-for";
import { limitRequests } from "@/lib/http/request-limits";
import { refuseUnknownMethods } from "@/lib/http/unknown-methods";
import { cluster } from "@/lib/k8s/cluster";

function settingsOrExit(): Env {
  try {
    return env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

async function migrateOrExit(databaseUrl: string): Promise<void> {
  try {
    const outcome = await applyMigrations({ databaseUrl });
    if (outcome.applied.length > 0) {
      console.log(
        `database: applied ${outcome.applied.length} migration(s): ${outcome.applied.join(", ")}`,
      );
    }
    if (outcome.unknown.length > 0) {
      console.warn(
        `database: migrations not shipped with this build are applied: ${outcome.unknown.join(", ")} (is an older console running against a newer database?)`,
      );
    }
  } catch (error) {
    if (error instanceof MigrationError) {
      console.error(`The console cannot start: ${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

const recoveryEveryMs = 10 * 60_000;
const orphanSweepEveryMs = 15_000;

// One sweep at a time: against a remote that hangs, each takes the writer's turn for up to its
// network timeout, and sweeps started meanwhile would queue ahead of people's writes.
let recovering = false;

/** Settles writes that a previous run accepted but did not finish; the remote may be down now. */
function recoverInBackground(startedBefore: Date): void {
  if (recovering) return;
  recovering = true;
  gitWriter()
    .recoverInterruptedWrites({ startedBefore })
    .then((report) => {
      const total = report.succeeded.length + report.failed.length;
      if (total > 0) {
        console.log(
          `gitops: settled ${total} interrupted write(s): ${report.succeeded.length} found in the remote, ${report.failed.length} not pushed`,
        );
      }
    })
    .catch((error: unknown) => {
      console.warn(
        `gitops: the GitOps remote is not reachable yet (${error instanceof Error ? error.message : "unknown error"}); /api/ready says so until it is`,
      );
    })
    .finally(() => {
      recovering = false;
    });
}

/** Runs once before the server serves: settings, data dir, migrations, then the GitOps clone. */
export async function startConsole(): Promise<void> {
  const startedAt = new Date();
  const settings = settingsOrExit();
  trustForwardedFor(settings.trustedProxies);
  refuseUnknownMethods();
  limitRequests();
  await mkdir(settings.dataDir, { recursive: true });
  await migrateOrExit(settings.databaseUrl);
  // Held before any write is taken: another replica must never see this one's rows as orphaned.
  await writeOwner().held;
  recoverInBackground(startedAt);
  // A push whose answer was lost while the remote then went away stays pending in this process
  // too. Replicas also look for rows a replica that died left behind, soon after it died.
  setInterval(
    () => recoverInBackground(new Date(Date.now() - recoveryEveryMs)),
    settings.database === "postgresql" ? orphanSweepEveryMs : recoveryEveryMs,
  ).unref();
  startLiveState();
  // The first page then already shows the configured cluster (connecting), not "none".
  await cluster().attached;
}
