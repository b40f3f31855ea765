import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startGitHubApiDouble, type GitHubApiDouble } from "@/e2e/doubles/github-api";
import { InvalidError, UnavailableError } from "@/lib/errors";
import { ada, createGitWorld, type GitWorld } from "./git-world";

let world: GitWorld;
let github: GitHubApiDouble;
beforeEach(async () => {
  world = await createGitWorld();
  github = await startGitHubApiDouble({ token: world.token });
});
afterEach(async () => {
  await github.close();
  await world.close();
});

const register = {
  actor: ada,
  action: "register-server",
  summary: "servers: register rack1-node3 (aa:bb:cc:dd:ee:ff)",
  requestId: "5f0c1d2e-aaaa-bbbb-cccc-000000000001",
  change: (tree: { write(p: string, c: string): Promise<void> }) =>
    tree.write("servers/rack1-node3.yaml", "name: rack1-node3\n"),
};

describe("pull-request mode", () => {
  it("pushes a branch, opens a pull request against the branch, and returns and audits its URL", async () => {
    const writer = world.writer({ mode: "pull-request", githubApiUrl: github.baseUrl });
    const before = (await world.remoteLog())[0]?.sha;
    const result = await writer.applyChange(register);

    const branch = "foundry/register-server-5f0c1d2e";
    expect(github.pulls).toEqual([
      expect.objectContaining({
        owner: "acme",
        repo: "gitops",
        head: branch,
        base: "main",
        title: register.summary,
      }),
    ]);
    expect(github.pulls[0]?.body).toContain(`Foundry-Request: ${register.requestId}`);
    expect(result.pullRequestUrl).toBe(`${github.baseUrl}/acme/gitops/pull/1`);
    expect((await world.remoteLog())[0]?.sha).toBe(before);
    const [head] = await world.remoteLog(branch);
    expect(head?.sha).toBe(result.sha);
    expect(head?.requestIds).toEqual([register.requestId]);
    expect(await world.remoteFile("manifests/servers/rack1-node3.yaml", branch)).toBe(
      "name: rack1-node3\n",
    );
    expect(world.audit.get(register.requestId)?.outcome).toEqual({
      status: "succeeded",
      commitSha: result.sha,
      pullRequestUrl: result.pullRequestUrl,
    });
  });

  it("fails as Unavailable and removes the branch when GitHub refuses the pull request", async () => {
    const writer = world.writer({ mode: "pull-request", githubApiUrl: github.baseUrl });
    github.failNext(500);
    await expect(writer.applyChange(register)).rejects.toThrow(
      new UnavailableError(
        "GitHub did not open the pull request: the GitHub API answered HTTP 500: Injected failure",
      ),
    );
    expect(await world.remoteGit(["branch", "--list", "foundry/*"])).toBe("");
    expect(world.audit.get(register.requestId)?.outcome?.status).toBe("failed");
  });

  it("refuses a remote URL it cannot read an owner and repository from", () => {
    expect(() => world.writer({ mode: "pull-request", url: "/srv/git/gitops.git" })).toThrow(
      InvalidError,
    );
    expect(() =>
      world.writer({ mode: "pull-request", url: "http://127.0.0.1:1/gitops.git" }),
    ).toThrow(/cannot tell the owner and repository/);
  });
});
