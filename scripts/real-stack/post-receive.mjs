// The real stack Git server's post-receive hook: what GitHub does after a push to a fork with a
// webhook to Flux's Receiver. Posts a signed `push` event (X-Hub-Signature-256) to the path the
// github Receiver publishes in its status.
//   post-receive.mjs STACK_DIR   (git passes "<old> <new> <ref>" lines on stdin)
import { createHmac } from "node:crypto";
import { readFileSync } from "node:fs";
import { Agent, get } from "node:https";
import path from "node:path";

const stackDir = process.argv[2];
const ports = Object.fromEntries(
  readFileSync(path.join(stackDir, "ports.env"), "utf8")
    .trim()
    .split("\n")
    .map((l) => l.split("=")),
);
const token = readFileSync(path.join(stackDir, "github-webhook-token"), "utf8").trim();
const pki = (name) => readFileSync(path.join(stackDir, "pki", name));
const agent = new Agent({ ca: pki("ca.crt"), cert: pki("admin.crt"), key: pki("admin.key") });

const webhookPath = () =>
  new Promise((resolve, reject) => {
    const url = `https://127.0.0.1:${ports.APISERVER}/apis/notification.toolkit.fluxcd.io/v1/namespaces/flux-system/receivers/github`;
    get(url, { agent }, (response) => {
      let body = "";
      response
        .on("data", (chunk) => (body += chunk))
        .on("end", () => {
          resolve(response.statusCode === 200 ? JSON.parse(body).status?.webhookPath : undefined);
        });
    }).on("error", reject);
  });

let input = "";
process.stdin.on("data", (chunk) => (input += chunk));
process.stdin.on("end", async () => {
  const hook = await webhookPath().catch(() => undefined);
  if (!hook) return; // no Receiver yet: Flux still polls on its interval
  for (const line of input.trim().split("\n")) {
    const [before, after, ref] = line.split(" ");
    const body = JSON.stringify({
      ref,
      before,
      after,
      repository: { full_name: "real-stack/gitops" },
    });
    const signature = `sha256=${createHmac("sha256", token).update(body).digest("hex")}`;
    await fetch(`http://127.0.0.1:${ports.RECEIVER}${hook}`, {
      method: "POST",
      body,
      headers: {
        "Content-Type": "application/json",
        "X-GitHub-Event": "push",
        "X-Hub-Signature-256": signature,
      },
    }).catch(() => undefined);
  }
  agent.destroy();
});
