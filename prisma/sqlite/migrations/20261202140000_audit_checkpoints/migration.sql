-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "mac" TEXT;

-- CreateTable
CREATE TABLE "AuditCheckpoint" (
    "seq" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "hash" TEXT NOT NULL,
    "fromSeq" INTEGER NOT NULL,
    "digest" TEXT NOT NULL,
    "envelope" TEXT NOT NULL,
    "keyId" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "fileAt" DATETIME,
    "registryRef" TEXT
);

-- CreateIndex
CREATE UNIQUE INDEX "AuditCheckpoint_digest_key" ON "AuditCheckpoint"("digest");

-- CreateIndex
CREATE INDEX "AuditEvent_repository_seq_idx" ON "AuditEvent"("repository", "seq");

-- CreateIndex
CREATE INDEX "AuditEvent_actorId_seq_idx" ON "AuditEvent"("actorId", "seq");

