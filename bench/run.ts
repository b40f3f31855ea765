// `npm run bench`: prints figures; never fails on speed. Needs `npm run build` for the server figures.
import { runGitopsWriterBench } from "./gitops-writer";
import { runServerRssBench } from "./server-rss";

await runGitopsWriterBench();
await runServerRssBench();
