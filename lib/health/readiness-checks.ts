import "server-only";
import { isDraining } from "./draining";
import type { ReadinessCheck } from "./readiness";

/**
 * What `/api/health/ready` checks in the web process: not shutting down, the config loads (with every secret it
 * names), and the database answers and has every migration this build ships. Modules are imported when a check
 * runs so a broken environment is reported by the probe rather than thrown while the route loads.
 */
export const webReadinessChecks: readonly ReadinessCheck[] = [
  { name: "draining", run: async () => (isDraining() ? ["draining: shutting down, finishing requests in flight"] : []) },
  {
    name: "config",
    run: async () => {
      const { getConfig } = await import("@/lib/config/get-config");
      await getConfig();
      return [];
    },
  },
  {
    name: "database",
    run: async () => {
      const [{ db, dbFlavour }, { checkDatabaseSchema }] = await Promise.all([import("@/lib/db"), import("@/lib/startup/check-database-schema")]);
      return (await checkDatabaseSchema(db, dbFlavour)).problems;
    },
  },
];
