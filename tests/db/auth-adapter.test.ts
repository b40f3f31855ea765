import { PrismaAdapter } from "@auth/prisma-adapter";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createDatabaseClient, type DatabaseClient } from "@/lib/db";
import { applyMigrations } from "@/lib/db/migrate";
import { createTestDatabase, describeEachDatabase, type TestDatabase } from "./support/databases";

/** The next-auth models, exercised through @auth/prisma-adapter the way sign-in will use them. */
describeEachDatabase("@auth/prisma-adapter on the schema", (provider) => {
  let database: TestDatabase;
  let client: DatabaseClient;
  beforeAll(async () => {
    database = await createTestDatabase(provider);
    await applyMigrations({ databaseUrl: database.url });
    client = createDatabaseClient(database.url);
  });
  afterAll(async () => {
    await client?.$disconnect();
    await database?.drop();
  });

  it("creates a user, links a GitHub account, and keeps a session", async () => {
    const adapter = PrismaAdapter(client);
    const { createUser, linkAccount, getUserByAccount, createSession, getSessionAndUser } = adapter;
    if (!createUser || !linkAccount || !getUserByAccount || !createSession || !getSessionAndUser) {
      throw new Error("the adapter lacks a method");
    }
    const user = await createUser({
      id: "ignored",
      email: "ada@example.com",
      emailVerified: null,
      name: "Ada",
    });
    await linkAccount({
      userId: user.id,
      type: "oauth",
      provider: "github",
      providerAccountId: "42",
      access_token: "gho_x",
      token_type: "bearer",
      scope: "read:user,user:email",
    });
    expect(await getUserByAccount({ provider: "github", providerAccountId: "42" })).toMatchObject({
      id: user.id,
    });

    const expires = new Date(Date.now() + 3_600_000);
    await createSession({ sessionToken: "token-1", userId: user.id, expires });
    const found = await getSessionAndUser("token-1");
    expect(found?.user.id).toBe(user.id);
    expect(found?.session.expires.getTime()).toBe(expires.getTime());

    await client.user.update({ where: { id: user.id }, data: { login: "ada", role: "operator" } });
    await client.user.delete({ where: { id: user.id } });
    expect(await client.account.count({ where: { userId: user.id } })).toBe(0);
    expect(await client.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("uses a verification token once", async () => {
    const { createVerificationToken, useVerificationToken } = PrismaAdapter(client);
    if (!createVerificationToken || !useVerificationToken)
      throw new Error("the adapter lacks a method");
    const expires = new Date(Date.now() + 60_000);
    await createVerificationToken({ identifier: "ada@example.com", token: "t1", expires });
    expect(
      await useVerificationToken({ identifier: "ada@example.com", token: "t1" }),
    ).toMatchObject({ token: "t1" });
    expect(await useVerificationToken({ identifier: "ada@example.com", token: "t1" })).toBeNull();
  });
});
