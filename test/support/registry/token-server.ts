// A Docker-registry token server for tests (distribution "token" auth), after stack.md §7: checks Basic
// credentials, grants each user only the actions it is allowed, and signs an RS256 JWT whose header
// carries the certificate (`x5c`) the registry trusts through `rootcertbundle`.
import { createPrivateKey, createSign, randomUUID, X509Certificate } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface TokenUser {
  password: string;
  /** repository actions granted on every repository, e.g. ["pull"] or ["pull", "push"] */
  actions: string[];
}

export interface TokenServer {
  realm: string;
  /** number of token requests served, to prove caching in tests */
  readonly requests: number;
  stop(): Promise<void>;
}

const b64url = (data: Buffer | string) => Buffer.from(data).toString("base64url");

export async function startTokenServer(opts: {
  service: string;
  issuer: string;
  keyPem: string;
  certPem: string;
  users: Record<string, TokenUser>;
}): Promise<TokenServer> {
  const key = createPrivateKey(opts.keyPem);
  const certDer = new X509Certificate(opts.certPem).raw.toString("base64");
  let requests = 0;

  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? "/", "http://localhost");
    const auth = req.headers.authorization ?? "";
    let user: string | null = null;
    if (auth.startsWith("Basic ")) {
      const decoded = Buffer.from(auth.slice(6), "base64").toString();
      const i = decoded.indexOf(":");
      const [name, password] = [decoded.slice(0, i), decoded.slice(i + 1)];
      if (opts.users[name]?.password !== password) {
        res.writeHead(401, { "content-type": "application/json" });
        res.end(JSON.stringify({ errors: [{ code: "UNAUTHORIZED", message: "bad credentials" }] }));
        return;
      }
      user = name;
    }
    const access: Array<{ type: string; name: string; actions: string[] }> = [];
    for (const scope of url.searchParams.getAll("scope").flatMap((s) => s.split(" "))) {
      const first = scope.indexOf(":");
      const last = scope.lastIndexOf(":");
      const [type, name, actions] = [scope.slice(0, first), scope.slice(first + 1, last), scope.slice(last + 1).split(",")];
      if (!user) continue; // anonymous gets a token with no access
      if (type === "registry" && name === "catalog") access.push({ type, name, actions: ["*"] });
      if (type === "repository") {
        const allowed = actions.filter((a) => opts.users[user!]!.actions.includes(a));
        if (allowed.length) access.push({ type, name, actions: allowed });
      }
    }
    const now = Math.floor(Date.now() / 1000);
    const header = b64url(JSON.stringify({ alg: "RS256", typ: "JWT", x5c: [certDer] }));
    const claims = b64url(
      JSON.stringify({
        iss: opts.issuer,
        sub: user ?? "",
        aud: opts.service,
        exp: now + 300,
        nbf: now - 10,
        iat: now,
        jti: randomUUID(),
        access,
      }),
    );
    const signature = createSign("RSA-SHA256").update(`${header}.${claims}`).sign(key);
    const token = `${header}.${claims}.${b64url(signature)}`;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ token, access_token: token, expires_in: 300, issued_at: new Date().toISOString() }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    get requests() {
      return requests;
    },
    stop: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
