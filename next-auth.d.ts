import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface Session {
    user: { id: string; name: string | null; email: string | null; groups: string[]; sessionVersion?: number };
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    groups?: string[];
    provider?: string;
    /** User.sessionVersion at sign-in */
    sv?: number;
  }
}
