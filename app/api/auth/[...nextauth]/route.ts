import NextAuth from "next-auth";
import { getAuthOptions } from "@/lib/auth/get-auth-options";

export const dynamic = "force-dynamic";

type Context = { params: Promise<{ nextauth: string[] }> };

// Options come from kitgate.yaml (loaded async), so the handler is built per request from the memoised options.
async function handler(request: Request, context: Context): Promise<Response> {
  return NextAuth(request as never, context as never, await getAuthOptions()) as Promise<Response>;
}

export { handler as GET, handler as POST };
