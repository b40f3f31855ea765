import type { NextRequest } from "next/server";
import { handleAuthRequest } from "@/lib/auth/next-auth-handler";

type Context = { params: Promise<{ nextauth: string[] }> };

export function GET(request: NextRequest, context: Context): Promise<Response> {
  return handleAuthRequest(request, context);
}

export function POST(request: NextRequest, context: Context): Promise<Response> {
  return handleAuthRequest(request, context);
}
