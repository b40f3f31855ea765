/**
 * The environment of every git process. The token travels as an `http.extraHeader` set through
 * `GIT_CONFIG_*` variables: never in arguments, never in `.git/config`, never in a credential
 * helper. Machine-wide and user Git config are ignored so no hook, signer or helper joins in.
 */
export type GitIdentity = { name: string; email: string };

export function gitEnvironment(options: {
  token: string | undefined;
  author?: GitIdentity;
  committer?: GitIdentity;
}): NodeJS.ProcessEnv {
  const config: [string, string][] = [
    ["credential.helper", ""],
    ["core.askPass", ""],
    ["core.hooksPath", "/dev/null"],
    ["commit.gpgSign", "false"],
    ["http.lowSpeedLimit", "1000"],
    ["http.lowSpeedTime", "20"],
  ];
  if (options.token) {
    const basic = Buffer.from(`x-access-token:${options.token}`).toString("base64");
    config.push(["http.extraHeader", `Authorization: Basic ${basic}`]);
  }
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of Object.keys(env)) if (name.startsWith("GIT_")) delete env[name];
  Object.assign(env, {
    GIT_TERMINAL_PROMPT: "0",
    GIT_CONFIG_NOSYSTEM: "1",
    GIT_CONFIG_GLOBAL: "/dev/null",
    GIT_CONFIG_COUNT: String(config.length),
    LC_ALL: "C",
  });
  config.forEach(([key, value], index) => {
    env[`GIT_CONFIG_KEY_${index}`] = key;
    env[`GIT_CONFIG_VALUE_${index}`] = value;
  });
  const committer = options.committer;
  if (committer)
    Object.assign(env, {
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
    });
  const author = options.author ?? committer;
  if (author) Object.assign(env, { GIT_AUTHOR_NAME: author.name, GIT_AUTHOR_EMAIL: author.email });
  return env;
}
