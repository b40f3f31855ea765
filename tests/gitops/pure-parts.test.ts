import { describe, expect, it } from "vitest";
import { parseEnv } from "@/lib/settings/env-schema";
import { InvalidError } from "@/lib/errors";
import { gitReaderOptions, gitWriterOptions } from "@/lib/gitops/options-from-env";
import { createMemoryAuditLog } from "@/tests/support/memory-audit-log";
import { commitMessage, oneLine } from "@/lib/gitops/commit-message";
import { parseGitHubRepository } from "@/lib/gitops/github-repository";
import { createRedactor } from "@/lib/gitops/redact";
import { remoteFailure } from "@/lib/gitops/remote-failure";
import { treePath } from "@/lib/gitops/tree-path";
import { pullRequestBranch } from "@/lib/gitops/pull-request-change";

describe("treePath", () => {
  it.each([
    ["servers/a.yaml", "manifests/servers/a.yaml"],
    ["./servers//a.yaml", "manifests/servers/a.yaml"],
    ["a b/ü.yaml", "manifests/a b/ü.yaml"],
  ])("maps %j inside the tree", (input, expected) => {
    expect(treePath("manifests", input)).toBe(expected);
  });

  it.each([
    ["/etc/passwd", "it is absolute"],
    ["../x", "it contains '..'"],
    ["a/../../x", "it contains '..'"],
    ["a/.git/hooks/pre-commit", "it names a .git folder"],
    ["a\\..\\b", "backslashes"],
    ["", "it is empty"],
    [".", "it names the tree itself"],
  ])("refuses %j (%s)", (input, why) => {
    expect(() => treePath("manifests", input)).toThrow(InvalidError);
    expect(() => treePath("manifests", input)).toThrow(why);
  });
});

describe("commit messages", () => {
  it.each([
    [
      "servers: register rack1-node3 (aa:bb:cc:dd:ee:ff)",
      "servers: register rack1-node3 (aa:bb:cc:dd:ee:ff)",
    ],
    ["  two\r\nlines\tand\u0007bell ", "two lines and bell"],
    ["x".repeat(150), `${"x".repeat(99)}…`],
  ])("flattens %j", (input, expected) => {
    expect(oneLine(input)).toBe(expected);
  });

  it("puts the trailers in their own last paragraph", () => {
    expect(
      commitMessage({ summary: "a\n\nFoundry-Request: b", action: "edit-server", requestId: "r1" }),
    ).toBe("a Foundry-Request: b\n\nFoundry-Action: edit-server\nFoundry-Request: r1\n");
  });

  it("names pull request branches after the action and a short request id", () => {
    expect(pullRequestBranch("register-server", "5F0C1D2E-aaaa-bbbb")).toBe(
      "foundry/register-server-5f0c1d2e",
    );
  });
});

describe("parseGitHubRepository", () => {
  it.each([
    ["https://github.com/acme/gitops.git", { owner: "acme", repo: "gitops" }],
    ["https://github.com/acme/gitops", { owner: "acme", repo: "gitops" }],
    ["https://ghe.example.com/scm/acme/gitops.git/", { owner: "acme", repo: "gitops" }],
  ])("reads %s", (url, expected) => {
    expect(parseGitHubRepository(url)).toEqual(expected);
  });

  it.each(["/srv/gitops.git", "file:///srv/a/b.git", "https://github.com/gitops.git", "not a url"])(
    "refuses %s with a clear Invalid error",
    (url) => {
      expect(() => parseGitHubRepository(url)).toThrow(InvalidError);
    },
  );
});

describe("the token stays secret", () => {
  it("redacts the token and its Basic encoding", () => {
    const redact = createRedactor("s3cr3t");
    const basic = Buffer.from("x-access-token:s3cr3t").toString("base64");
    expect(redact(`a s3cr3t b Authorization: Basic ${basic}`)).toBe(
      "a [redacted] b Authorization: Basic [redacted]",
    );
  });

  it.each([
    [
      "fatal: could not read Username for 'http://h': terminal prompts disabled",
      "the Git remote refused the credentials",
    ],
    [
      "fatal: unable to access 'https://h/': The requested URL returned error: 403",
      "the Git remote refused the credentials",
    ],
    [
      "fatal: unable to access 'http://git.example:8080/a.git/': Failed to connect to git.example port 8080 after 0 ms: Couldn't connect to server",
      "cannot reach the Git remote at git.example:8080: connection refused",
    ],
    [
      "fatal: unable to access 'https://git.example/': Could not resolve host: git.example",
      "cannot reach the Git remote at git.example:8080: the host name does not resolve",
    ],
  ])("names the cause of %j in plain words", (stderr, message) => {
    expect(
      remoteFailure(
        { code: 128, stdout: "", stderr, timedOut: false },
        "http://git.example:8080/a.git",
      ).message,
    ).toBe(message);
  });
});

describe("gitWriterOptions", () => {
  it("uses the embedded repository in the data dir when no remote is set", () => {
    const settings = parseEnv({ FOUNDRY_DATA_DIR: "/srv/foundry" }, "/app");
    const options = gitWriterOptions(settings, createMemoryAuditLog(), "/app");
    expect(options).toMatchObject({
      url: "/srv/foundry/gitops.git",
      cloneDir: "/srv/foundry/gitops-clone",
      mode: "push",
    });
    expect(options.prepareRemote).toBeTypeOf("function");
  });

  it("gives the reader the writer's own clone and manifests path", () => {
    const settings = parseEnv({ FOUNDRY_DATA_DIR: "/srv/foundry" }, "/app");
    const writer = gitWriterOptions(settings, createMemoryAuditLog(), "/app");
    expect(gitReaderOptions(settings)).toEqual({
      cloneDir: writer.cloneDir,
      manifestsPath: writer.manifestsPath,
    });
  });

  it("uses the configured remote and token as they are", () => {
    const settings = parseEnv({
      FOUNDRY_GIT_URL: "https://github.com/acme/gitops.git",
      FOUNDRY_GIT_TOKEN: "t",
    });
    const options = gitWriterOptions(settings, createMemoryAuditLog());
    expect(options).toMatchObject({
      url: "https://github.com/acme/gitops.git",
      token: "t",
      prepareRemote: undefined,
    });
  });
});
