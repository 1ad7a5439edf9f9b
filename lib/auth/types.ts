/** The identity a provider vouched for, before it becomes a User row. `id` is `local:<username>` or `oidc:<sub>`. */
export interface SignInIdentity {
  id: string;
  provider: "local-config" | "local-db" | "oidc";
  username: string;
  name: string;
  email: string | null;
  groups: string[];
}
