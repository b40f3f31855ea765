import type { Role } from "@/lib/actor";

// The columns the console adds to next-auth's User (prisma/schema.prisma).
declare module "next-auth" {
  interface User {
    login?: string | null;
    role?: Role | string | null;
  }
  interface Profile {
    login?: string;
  }
  interface Session {
    user: { id: string; login: string; name: string; role: Role };
  }
}
