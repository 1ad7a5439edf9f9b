// Every /api/v1 operation, keyed by operationId. A new route adds its endpoint to an area file (or a new one
// spread in here) and binds it in app/api/v1/<path>/route.ts with `defineRoute(endpoints.<operationId>, handler)`;
// lib/api/openapi.test.ts fails until the two agree.
import type { EndpointDefinition } from "../endpoint";
import { approvalEndpoints } from "./approvals";
import { evidenceEndpoints } from "./attestations";
import { auditEndpoints } from "./audit";
import { browseEndpoints } from "./browse";
import { diffEndpoints } from "./diff";
import { metaEndpoints } from "./meta";
import { tokenEndpoints } from "./tokens";

/** The areas, separately, so a test can prove no operationId is declared twice (a spread would hide it). */
export const endpointAreas = [browseEndpoints, diffEndpoints, evidenceEndpoints, approvalEndpoints, auditEndpoints, tokenEndpoints, metaEndpoints] as const;

export const endpoints = {
  ...browseEndpoints,
  ...diffEndpoints,
  ...evidenceEndpoints,
  ...approvalEndpoints,
  ...auditEndpoints,
  ...tokenEndpoints,
  ...metaEndpoints,
} satisfies Record<string, EndpointDefinition>;

export type Endpoints = typeof endpoints;
export type OperationId = keyof Endpoints;
