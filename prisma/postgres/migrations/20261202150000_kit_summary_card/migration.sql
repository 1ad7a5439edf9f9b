-- AlterTable
ALTER TABLE "KitSummary" ADD COLUMN     "card" JSONB,
ADD COLUMN     "kitRejections" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "summaryVersion" INTEGER NOT NULL DEFAULT 0;
