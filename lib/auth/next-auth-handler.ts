import "server-only";
import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/auth-options";
import { deleteSession } from "@/lib/auth/auth-store";
import { sessionCookieName } from "@/lib/auth/session-cookie";
import { env } from "@/lib/settings/env";

type Context = { params: Promise<{ nextauth: string[] }> };

/**
 * next-auth's own routes. A GitHub callback first ends any session the browser still holds:
 * next-auth v4 would otherwise link the new GitHub account to whoever was signed in before.
 */
export async function handleAuthRequest(request: NextRequest, context: Context): Promise<Response> {
  const [action] = (await context.params).nextauth;
  const cookieName = sessionCookieName(env().auth.secureCookies);
  const previous = request.cookies.get(cookieName)?.value;
  if (action === "callback" && previous) await deleteSession(previous);
  const response: unknown = await NextAuth(request, context, authOptions());
  if (!(response instanceof Response)) throw new Error("next-auth did not answer with a Response");
  return response;
}
