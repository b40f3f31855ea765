import "server-only";
import type { PrismaPg } from "@prisma/adapter-pg";
import type { SqlDriverAdapter, SqlDriverAdapterFactory } from "@prisma/driver-adapter-utils";
import type { PoolConfig } from "pg";

/**
 * `new PrismaPg(config)`, but `pg` and the adapter are loaded on the first connection: a console
 * on SQLite never pays for them (~15 MB resident).
 */
export function lazyPrismaPg(config: PoolConfig): SqlDriverAdapterFactory {
  let factory: Promise<PrismaPg> | undefined;
  return {
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    async connect(): Promise<SqlDriverAdapter> {
      factory ??= import("@prisma/adapter-pg").then(({ PrismaPg: Adapter }) => new Adapter(config));
      return (await factory).connect();
    },
  };
}
