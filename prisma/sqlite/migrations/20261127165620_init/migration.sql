-- CreateTable
CREATE TABLE "KitSummary" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "registry" TEXT NOT NULL,
    "digest" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "packageName" TEXT,
    "version" TEXT,
    "authors" JSONB,
    "modelName" TEXT,
    "framework" TEXT,
    "modelFormat" TEXT,
    "totalSize" BIGINT NOT NULL,
    "cliVersion" TEXT,
    "warnings" INTEGER NOT NULL DEFAULT 0,
    "error" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "KitSummary_registry_digest_key" ON "KitSummary"("registry", "digest");
