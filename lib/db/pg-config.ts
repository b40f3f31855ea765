import type { PoolConfig } from "pg";

/**
 * A postgres:// URL as discrete pg settings. pg lets `connectionString` override `database`,
 * so anything that derives a config for another database (the shadow database) needs these.
 */
export function pgConfigFromUrl(databaseUrl: string): PoolConfig {
  const url = new URL(databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, ""));
  return {
    host: decodeURIComponent(url.hostname) || "localhost",
    port: url.port === "" ? 5432 : Number(url.port),
    user: decodeURIComponent(url.username) || undefined,
    password: url.password === "" ? undefined : decodeURIComponent(url.password),
    database: database === "" ? undefined : database,
  };
}
