import path from "node:path";
import { z } from "zod";
import { optionalText } from "@/lib/settings/optional-text";
import { authSettingsFrom, authSettingsShape, type AuthSettings } from "@/lib/settings/auth";
import {
  bootMediaSettingsFrom,
  bootMediaSettingsShape,
  type BootMediaSettings,
} from "@/lib/settings/boot-media";
import { httpSettingsShape } from "@/lib/settings/http";
import {
  enrollmentSettingsFrom,
  enrollmentSettingsShape,
  type EnrollmentSettings,
} from "@/lib/settings/enrollment";
import {
  webhookSettingsFrom,
  webhookSettingsShape,
  type WebhookSettings,
} from "@/lib/settings/webhooks";
import {
  clusterSettingsFrom,
  clusterSettingsShape,
  type ClusterSettings,
} from "@/lib/settings/cluster";
import { ociSettingsFrom, ociSettingsShape, type OciSettings } from "@/lib/settings/oci";

/**
 * Every setting the console reads, validated once at start. Pure: no side effects, so tests and
 * the CLI scripts can parse any environment they build.
 */

const port = z.coerce
  .number({ error: "must be a number" })
  .int("must be a whole number")
  .min(1, "must be between 1 and 65535")
  .max(65535, "must be between 1 and 65535");

const gitUrl = z
  .string()
  .trim()
  .refine(
    (value) => /^(https?:\/\/|file:\/\/|\/)/.test(value),
    "must be an http(s):// URL, a file:// URL or an absolute path",
  )
  .refine(
    (value) => !/^https?:\/\/[^/]*@/.test(value),
    "must not contain credentials; put the token in FOUNDRY_GIT_TOKEN",
  );

const relativeTreePath = z
  .string()
  .trim()
  .min(1)
  .refine(
    (value) => !path.isAbsolute(value) && !value.split("/").some((part) => part === ".."),
    "must be a path inside the repository (relative, without '..')",
  );

const rawSchema = z.object({
  PORT: port.default(3000),
  HOSTNAME: z.string().trim().min(1).default("127.0.0.1"),
  FOUNDRY_DATA_DIR: z.string().trim().min(1).default("./data"),
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .refine(
        (value) => /^(file:|postgres(ql)?:\/\/)/.test(value),
        "must start with file: (SQLite) or postgres:// / postgresql:// (PostgreSQL)",
      )
      .optional(),
  ),
  FOUNDRY_GIT_URL: optionalText.pipe(gitUrl.optional()),
  FOUNDRY_GIT_BRANCH: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9._/-]+$/, "must be a plain branch name")
    .refine(
      (value) => !value.includes("..") && !value.startsWith("-"),
      "must be a plain branch name",
    )
    .default("main"),
  FOUNDRY_GIT_TOKEN: optionalText,
  FOUNDRY_GIT_MODE: z
    .enum(["push", "pull-request"], { error: "must be 'push' or 'pull-request'" })
    .default("push"),
  FOUNDRY_MANIFESTS_PATH: relativeTreePath.default("manifests"),
  FOUNDRY_GIT_COMMITTER_NAME: z.string().trim().min(1).default("Metal Foundry"),
  FOUNDRY_GIT_COMMITTER_EMAIL: z
    .string()
    .trim()
    .email("must be an email address")
    .default("foundry@localhost"),
  FOUNDRY_GIT_PUSH_ATTEMPTS: z.coerce.number().int().min(1).max(20).default(5),
  GITHUB_API_URL: z.string().trim().url("must be a URL").default("https://api.github.com"),
  ...authSettingsShape,
  ...bootMediaSettingsShape,
  ...ociSettingsShape,
  ...clusterSettingsShape,
  ...webhookSettingsShape,
  ...enrollmentSettingsShape,
  ...httpSettingsShape,
});

/** Every setting the console reads from its environment. */
export const settingNames: readonly string[] = Object.keys(rawSchema.shape);

export type Env = {
  port: number;
  hostname: string;
  dataDir: string;
  databaseUrl: string;
  database: "sqlite" | "postgresql";
  git: {
    url: string;
    embedded: boolean;
    branch: string;
    token: string | undefined;
    mode: "push" | "pull-request";
    manifestsPath: string;
    committer: { name: string; email: string };
    pushAttempts: number;
  };
  githubApiUrl: string;
  auth: AuthSettings;
  bootMedia: BootMediaSettings;
  oci: OciSettings;
  cluster: ClusterSettings;
  webhooks: WebhookSettings;
  enrollment: EnrollmentSettings;
  /** Proxies whose X-Forwarded-For is believed (CIDRs); empty: none. */
  trustedProxies: string[];
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(
      `The console cannot start because of its settings:\n${problems
        .map((problem) => `  - ${problem}`)
        .join("\n")}\nSee "Settings" in README.md for every setting and its default.`,
    );
    this.name = "EnvError";
  }
}

export function parseEnv(source: Record<string, string | undefined>, cwd = process.cwd()): Env {
  const result = rawSchema.safeParse(source);
  if (!result.success) {
    throw new EnvError(
      result.error.issues.map((issue) => {
        const name = issue.path.join(".");
        const value = source[name];
        return value === undefined
          ? `${name} is required: ${issue.message}`
          : `${name} ${issue.message}`;
      }),
    );
  }
  const raw = result.data;
  const auth = authSettingsFrom(raw, { hostname: raw.HOSTNAME, port: raw.PORT });
  if ("problems" in auth) throw new EnvError(auth.problems);
  const enrollment = enrollmentSettingsFrom(raw);
  if ("problems" in enrollment) throw new EnvError(enrollment.problems);
  const dataDir = path.resolve(cwd, raw.FOUNDRY_DATA_DIR);
  const databaseUrl = raw.DATABASE_URL ?? `file:${path.join(dataDir, "foundry.db")}`;
  const gitUrl = raw.FOUNDRY_GIT_URL ?? path.join(dataDir, "gitops.git");
  return {
    port: raw.PORT,
    hostname: raw.HOSTNAME,
    dataDir,
    databaseUrl,
    database: databaseUrl.startsWith("postgres") ? "postgresql" : "sqlite",
    git: {
      url: gitUrl,
      embedded: raw.FOUNDRY_GIT_URL === undefined,
      branch: raw.FOUNDRY_GIT_BRANCH,
      token: raw.FOUNDRY_GIT_TOKEN,
      mode: raw.FOUNDRY_GIT_MODE,
      manifestsPath: raw.FOUNDRY_MANIFESTS_PATH.replace(/\/+$/, ""),
      committer: { name: raw.FOUNDRY_GIT_COMMITTER_NAME, email: raw.FOUNDRY_GIT_COMMITTER_EMAIL },
      pushAttempts: raw.FOUNDRY_GIT_PUSH_ATTEMPTS,
    },
    githubApiUrl: raw.GITHUB_API_URL.replace(/\/+$/, ""),
    auth: auth.settings,
    bootMedia: bootMediaSettingsFrom(raw, { consoleUrl: auth.settings.url, dataDir, cwd }),
    oci: ociSettingsFrom(raw),
    cluster: clusterSettingsFrom(raw),
    webhooks: webhookSettingsFrom(raw),
    enrollment: enrollment.settings,
    trustedProxies: raw.FOUNDRY_TRUSTED_PROXIES,
  };
}
