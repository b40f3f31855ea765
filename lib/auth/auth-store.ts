import "server-only";
import type { Role } from "@/lib/actor";
import { authParts } from "@/lib/auth/auth-parts";

/** The Prisma reads and writes of sign-in and access checks, in one place. */
export type StoredIdentity = {
  id: string;
  login: string | null;
  name: string | null;
  email: string | null;
  role: string | null;
  provider: "github" | "local" | undefined;
  githubToken: string | undefined;
  /** When GitHub last confirmed this person's access; null until the first check is stored. */
  accessCheckedAt: Date | null;
};

export type StoredSession = { sessionToken: string; expires: Date; user: StoredIdentity };

const identityInclude = { accounts: { select: { provider: true, access_token: true } } } as const;

type UserRow = {
  id: string;
  login: string | null;
  name: string | null;
  email: string | null;
  role: string | null;
  accessCheckedAt: Date | null;
  accounts: { provider: string; access_token: string | null }[];
};

function identityOf(user: UserRow): StoredIdentity {
  const github = user.accounts.find((account) => account.provider === "github");
  const local = user.accounts.find((account) => account.provider === "local");
  return {
    id: user.id,
    login: user.login,
    name: user.name,
    email: user.email,
    role: user.role,
    provider: github ? "github" : local ? "local" : undefined,
    githubToken: github?.access_token ?? undefined,
    accessCheckedAt: user.accessCheckedAt,
  };
}

export async function findSession(sessionToken: string): Promise<StoredSession | undefined> {
  const row = await authParts().db.session.findUnique({
    where: { sessionToken },
    include: { user: { include: identityInclude } },
  });
  return row ? { sessionToken, expires: row.expires, user: identityOf(row.user) } : undefined;
}

export async function extendSession(sessionToken: string, expires: Date): Promise<void> {
  await authParts().db.session.updateMany({ where: { sessionToken }, data: { expires } });
}

export async function deleteSession(sessionToken: string): Promise<void> {
  await authParts().db.session.deleteMany({ where: { sessionToken } });
}

export async function deleteSessionsOf(userId: string): Promise<number> {
  return (await authParts().db.session.deleteMany({ where: { userId } })).count;
}

/** Everyone who signed in with GitHub and still has a session: the people a recheck concerns. */
export async function githubIdentitiesWithSessions(): Promise<StoredIdentity[]> {
  const users = await authParts().db.user.findMany({
    where: { sessions: { some: {} }, accounts: { some: { provider: "github" } } },
    include: identityInclude,
  });
  return users.map(identityOf);
}

export async function saveGithubSignIn(input: {
  userId: string;
  login: string;
  role: Role;
  providerAccountId: string;
  accessToken: string;
  scope: string | undefined;
}): Promise<{ previousRole: string | null }> {
  const client = authParts().db;
  const before = await client.user.findUnique({
    where: { id: input.userId },
    select: { role: true },
  });
  await client.$transaction([
    client.user.update({
      where: { id: input.userId },
      data: { login: input.login, role: input.role },
    }),
    // next-auth v4 keeps the first token forever; the rechecks need the newest one.
    client.account.updateMany({
      where: { provider: "github", providerAccountId: input.providerAccountId },
      data: { access_token: input.accessToken, scope: input.scope ?? null },
    }),
  ]);
  return { previousRole: before?.role ?? null };
}

export async function saveRole(userId: string, role: Role): Promise<void> {
  await authParts().db.user.update({ where: { id: userId }, data: { role } });
}

const localAdmin = {
  login: "local-admin",
  name: "Local admin",
  email: "local-admin@foundry.invalid",
};

/** The local mode's one person, created on first use, with a "local" account marking it. */
export async function ensureLocalAdmin(): Promise<StoredIdentity> {
  const client = authParts().db;
  const user = await client.user.upsert({
    where: { login: localAdmin.login },
    create: { ...localAdmin, role: "admin" },
    update: { role: "admin" },
  });
  await client.account.upsert({
    where: {
      provider_providerAccountId: { provider: "local", providerAccountId: localAdmin.login },
    },
    create: {
      userId: user.id,
      type: "credentials",
      provider: "local",
      providerAccountId: localAdmin.login,
    },
    update: {},
  });
  return { ...identityOf({ ...user, accounts: [{ provider: "local", access_token: null }] }) };
}
