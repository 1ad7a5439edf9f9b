import type { Prisma } from "@/lib/generated/sqlite/client";

/** A Prisma interactive-transaction client (either flavour exposes the same API subset the app uses). */
export type AuditTx = Prisma.TransactionClient;
