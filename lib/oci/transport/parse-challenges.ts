// Pure: usable anywhere. Hand-written because no maintained npm package parses RFC 7235 challenge
// lists with quoted-string escapes and several challenges in one header.

export interface AuthChallenge {
  /** lower-cased scheme, e.g. "bearer", "basic" */
  scheme: string;
  /** parameters with lower-cased names; quoted values unescaped */
  params: Record<string, string>;
}

const TOKEN_CHARS = /[!#$%&'*+\-.^_`|~0-9A-Za-z]/;

/**
 * Parses a `WWW-Authenticate` header into its challenges, e.g.
 * `Bearer realm="https://auth.example/token",service="reg",scope="repository:a:pull,push", Basic realm="x"`.
 * Commas inside quoted values (scope lists) do not split; unparseable tails are ignored.
 */
export function parseChallenges(header: string): AuthChallenge[] {
  const out: AuthChallenge[] = [];
  let i = 0;
  const n = header.length;
  const skipWs = () => {
    while (i < n && (header[i] === " " || header[i] === "\t")) i++;
  };
  const readToken = (): string => {
    const start = i;
    while (i < n && TOKEN_CHARS.test(header[i]!)) i++;
    return header.slice(start, i);
  };
  // Lenient on purpose: some registries send unquoted realm URLs, which are not RFC tokens.
  const readBare = (): string => {
    const start = i;
    while (i < n && header[i] !== "," && header[i] !== " " && header[i] !== "\t") i++;
    return header.slice(start, i);
  };
  const readQuoted = (): string => {
    // assumes header[i] === '"'
    i++;
    let value = "";
    while (i < n && header[i] !== '"') {
      if (header[i] === "\\" && i + 1 < n) i++;
      value += header[i];
      i++;
    }
    i++; // closing quote (or end)
    return value;
  };

  let current: AuthChallenge | null = null;
  while (i < n) {
    skipWs();
    if (header[i] === ",") {
      i++;
      continue;
    }
    const start = i;
    const token = readToken();
    if (!token) {
      i = start + 1; // stray character: skip it
      continue;
    }
    skipWs();
    if (header[i] === "=" && current) {
      i++;
      skipWs();
      const value = header[i] === '"' ? readQuoted() : readBare();
      current.params[token.toLowerCase()] = value;
      continue;
    }
    current = { scheme: token.toLowerCase(), params: {} };
    out.push(current);
  }
  return out;
}
