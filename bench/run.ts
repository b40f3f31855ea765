// `npm run bench`: prints figures; never fails on speed. Needs `npm run build` for the server figures.
// It runs beside a throwaway PostgreSQL (scripts/with-postgres.sh) for the replica figures.
import { runBodyFloodBench } from "./body-flood";
import { runBootMediaBench } from "./boot-media";
import { runGitopsWriterBench } from "./gitops-writer";
import { runClusterBench } from "./cluster";
import { runReplicaEventsBench } from "./replica-events";
import { runServerRssBench } from "./server-rss";
import { runServerScaleBench } from "./servers-scale";
import { runServersBench } from "./servers";

async function main(): Promise<void> {
  await runGitopsWriterBench();
  await runServerRssBench();
  await runBodyFloodBench();
  await runBootMediaBench();
  await runServersBench();
  await runServerScaleBench();
  await runClusterBench();
  await runReplicaEventsBench();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
