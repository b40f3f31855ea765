// The real stack's stand-ins and its Git server as one process, started by scripts/real-stack.sh:
//   node --import tsx e2e/real-stack/stand-ins.ts   (settings in the environment, below)
import path from "node:path";
import { startGitHttpServer } from "../doubles/git-http-server";
import { readEnvFile } from "./env-file";
import { kubeRest } from "./kube-rest";
import { startTinkerbellStandIn } from "./tinkerbell-stand-in";

const setting = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`stand-ins: ${name} is not set`);
  return value;
};
const stackDir = setting("REAL_STACK_DIR");
const ports = readEnvFile(path.join(stackDir, "ports.env"));
const port = (name: string) => Number(ports[name]);

async function main(): Promise<void> {
  const api = kubeRest(stackDir, `https://127.0.0.1:${port("APISERVER")}`);
  // The GitOps repository Flux's real source-controller fetches, over smart HTTP; its
  // post-receive hook (scripts/real-stack/post-receive.mjs) plays GitHub's push webhook.
  const git = await startGitHttpServer({ root: stackDir, port: port("GIT") });
  const tinkerbell = startTinkerbellStandIn(api, {
    port: port("SMEE"),
    artifactsPort: port("ARTIFACTS"),
    artifactsUrl: setting("REAL_STACK_ARTIFACTS_URL"),
    stepMs: Number(process.env.REAL_STACK_STEP_MS ?? 400),
  });
  console.log(`stand-ins: Git at ${git.urlFor("gitops")}, Smee on ${port("SMEE")}`);
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      tinkerbell.close();
      void git.close().then(() => process.exit(0));
    });
  }
}

void main();
