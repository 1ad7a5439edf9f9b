// Three levels deep (`err.details.password`, `req.headers.authorization`): deeper wildcards cost every line.
/**
 * Fields pino replaces with "[redacted]" wherever they appear at these depths: credentials of registries, users and
 * API tokens must never reach a log line, even when a whole object (a config section, a request, an error's
 * details) is logged by mistake. Log calls should not pass such objects in the first place; this is the net.
 */
const SECRET_KEYS = [
  "password",
  "token",
  "accessToken",
  "refreshToken",
  "idToken",
  "secret",
  "clientSecret",
  "authorization",
  "Authorization",
  "cookie",
  "Cookie",
  "set-cookie",
  "privateKey",
  "macKey",
  "apiKey",
];

export const REDACT_PATHS: string[] = [
  ...SECRET_KEYS.map((k) => `["${k}"]`),
  ...SECRET_KEYS.map((k) => `*["${k}"]`),
  ...SECRET_KEYS.map((k) => `*.*["${k}"]`),
];
