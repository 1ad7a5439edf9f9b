import { listRepositories } from "@/lib/data/list-repositories";
import { jsonHandler } from "@/lib/http/json-handler";
import { repositoriesQuery } from "@/lib/validations/repositories-query";

export const dynamic = "force-dynamic";

export const GET = jsonHandler(repositoriesQuery, (actor, q) => listRepositories(actor, q));
