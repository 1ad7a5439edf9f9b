import { UserMenu as UserMenuView } from "@/components/auth/user-menu";
import { getAccountSummary } from "@/lib/data/get-account-summary";
import { getActor } from "@/lib/data/get-actor";

/** The header's account section. A failing session lookup shows the sign-in link rather than breaking every page. */
export async function UserMenu() {
  const actor = await getActor().catch(() => null);
  return <UserMenuView account={actor ? getAccountSummary(actor) : null} />;
}
