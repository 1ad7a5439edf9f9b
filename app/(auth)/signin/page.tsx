import type { Metadata } from "next";
import { z } from "zod";
import { SignInForm } from "@/components/auth/sign-in-form";
import { getSignInOptions } from "@/lib/data/get-sign-in-options";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sign in" };

// Only same-site paths: an absolute callbackUrl would make this page an open redirect.
const query = z.object({
  callbackUrl: z
    .string()
    .regex(/^\/(?!\/)[^\s\\]*$/)
    .catch("/")
    .default("/"),
  error: z.string().max(64).optional().catch(undefined),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { callbackUrl, error } = query.parse(await searchParams);
  const { oidc, local } = await getSignInOptions();
  return (
    <section className="panel" style={{ maxWidth: 420, margin: "48px auto" }}>
      <h1>Sign in to Kitgate</h1>
      <SignInForm oidc={oidc} local={local} callbackUrl={callbackUrl} error={error ?? null} />
    </section>
  );
}
