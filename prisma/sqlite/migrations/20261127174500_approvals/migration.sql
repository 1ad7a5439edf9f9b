-- AlterTable
ALTER TABLE "AuditEvent" ADD COLUMN "environment" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "hash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "prevHash" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "repository" TEXT;
ALTER TABLE "AuditEvent" ADD COLUMN "seq" INTEGER;

-- CreateTable
CREATE TABLE "ApprovalRequest" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registry" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "state" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 0,
    "requesterId" TEXT NOT NULL,
    "requesterName" TEXT NOT NULL,
    "pusherId" TEXT,
    "comment" TEXT,
    "reference" TEXT,
    "approvalsRequired" INTEGER NOT NULL DEFAULT 1,
    "policyDigest" TEXT,
    "reason" TEXT,
    "lastError" TEXT,
    "idempotencyKey" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL
);

-- CreateTable
CREATE TABLE "ApprovalDecision" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "approverId" TEXT NOT NULL,
    "approverName" TEXT NOT NULL,
    "approverGroups" JSONB NOT NULL,
    "approverSubject" TEXT,
    "decision" TEXT NOT NULL,
    "comment" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "ApprovalDecision_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ApprovalRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "Promotion" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "requestId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "targetRepository" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "previousDigest" TEXT,
    "status" TEXT NOT NULL,
    "error" TEXT,
    "statementDigest" TEXT,
    "at" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "Promotion_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "ApprovalRequest" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);

-- CreateTable
CREATE TABLE "EnvironmentPointer" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registry" TEXT NOT NULL,
    "repository" TEXT NOT NULL,
    "environment" TEXT NOT NULL,
    "targetRepository" TEXT NOT NULL,
    "tag" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "requestId" TEXT,
    "updatedAt" DATETIME NOT NULL
);

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalRequest_idempotencyKey_key" ON "ApprovalRequest"("idempotencyKey");

-- CreateIndex
CREATE INDEX "ApprovalRequest_registry_repository_environment_state_idx" ON "ApprovalRequest"("registry", "repository", "environment", "state");

-- CreateIndex
CREATE INDEX "ApprovalRequest_state_environment_idx" ON "ApprovalRequest"("state", "environment");

-- CreateIndex
CREATE INDEX "ApprovalRequest_digest_idx" ON "ApprovalRequest"("digest");

-- CreateIndex
CREATE UNIQUE INDEX "ApprovalDecision_requestId_approverId_key" ON "ApprovalDecision"("requestId", "approverId");

-- CreateIndex
CREATE INDEX "Promotion_requestId_idx" ON "Promotion"("requestId");

-- CreateIndex
CREATE INDEX "Promotion_targetRepository_tag_at_idx" ON "Promotion"("targetRepository", "tag", "at");

-- CreateIndex
CREATE UNIQUE INDEX "EnvironmentPointer_registry_repository_environment_key" ON "EnvironmentPointer"("registry", "repository", "environment");

-- CreateIndex
CREATE UNIQUE INDEX "AuditEvent_seq_key" ON "AuditEvent"("seq");

-- CreateIndex
CREATE INDEX "AuditEvent_repository_at_idx" ON "AuditEvent"("repository", "at");

-- CreateIndex
CREATE INDEX "AuditEvent_environment_at_idx" ON "AuditEvent"("environment", "at");
