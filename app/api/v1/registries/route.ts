import { z } from "zod";
import { listRegistries } from "@/lib/data/list-registries";
import { jsonHandler } from "@/lib/http/json-handler";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(z.object({}), (actor) => listRegistries(actor));
