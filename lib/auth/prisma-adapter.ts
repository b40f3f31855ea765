import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { DatabaseClient } from "@/lib/db";

/**
 * The one place the Prisma adapter is typed. @auth/prisma-adapter declares its parameter with
 * `@prisma/client`'s `PrismaClient`, which Prisma 7's generated clients no longer are (it types
 * as `any`), so this signature is what keeps the rest of the app checked.
 */
export function prismaAdapter(client: DatabaseClient): Adapter {
  return PrismaAdapter(client);
}
