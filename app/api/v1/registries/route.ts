import { endpoints } from "@/lib/api/endpoints";
import { listRegistries } from "@/lib/data/list-registries";
import { defineRoute } from "@/lib/http/define-route";

export const dynamic = "force-dynamic";

export const GET = defineRoute(endpoints.listRegistries, ({ actor }) => listRegistries(actor));
