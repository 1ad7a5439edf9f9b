/** Signs a local account in through next-auth's credentials flow (CSRF cookie + form post); returns the session cookie. */
export async function signInLocal(baseUrl: string, username: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrfCookie = csrfRes.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/local`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ csrfToken, username, password, json: "true" }),
  });
  const session = res.headers.getSetCookie().find((c) => c.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`sign-in as ${username} failed: HTTP ${res.status}`);
  return session.split(";")[0]!;
}

/** The lines a server started with KITGATE_VALIDATE_RESPONSES_LOG wrote (lib/http/check-response.ts). */
export interface ResponseCheckLine {
  operationId: string | null;
  method: string;
  path: string;
  status: number;
  code: string | null;
  problems: string[];
}
