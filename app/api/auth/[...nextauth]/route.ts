import type { NextRequest } from "next/server";
import { publicRoute } from "@/lib/auth/public-route";
import { handleAuthRequest } from "@/lib/auth/next-auth-handler";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth's own routes: sign-in, the OAuth callback, sign-out.
const handler = publicRoute<Context, NextRequest>((request, context) =>
  handleAuthRequest(request, context),
);

export const GET = handler;
export const POST = handler;
