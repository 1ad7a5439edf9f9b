"use client";

import { signOut } from "next-auth/react";

/** Sign-out retires every session of the user (the server bumps the user's session version), hence the title. */
export function SignOutButton() {
  return (
    <button
      type="button"
      className="btn btn-sm"
      title="Ends your sessions in every browser and device"
      onClick={() => void signOut({ callbackUrl: "/signin" })}
    >
      Sign out everywhere
    </button>
  );
}
