import "server-only";
import { parseRole, type Role } from "@/lib/actor";
import { authParts } from "@/lib/auth/auth-parts";

export type PersonView = {
  id: string;
  login: string;
  name: string;
  role: Role | undefined;
  sessions: number;
};

/** Everyone who has signed in and kept access, for the Access page. */
export async function listPeople(): Promise<PersonView[]> {
  const users = await authParts().db.user.findMany({
    orderBy: { login: "asc" },
    select: {
      id: true,
      login: true,
      name: true,
      role: true,
      _count: { select: { sessions: true } },
    },
  });
  return users.map((user) => ({
    id: user.id,
    login: user.login ?? "(unknown)",
    name: user.name ?? "",
    role: parseRole(user.role),
    sessions: user._count.sessions,
  }));
}
