// `npm run bench`: prints figures; never fails on speed. Needs `npm run build` for the server figures.
import { runBodyFloodBench } from "./body-flood";
import { runBootMediaBench } from "./boot-media";
import { runGitopsWriterBench } from "./gitops-writer";
import { runClusterBench } from "./cluster";
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
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
