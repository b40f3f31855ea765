-- CreateTable
CREATE TABLE "EnrollmentEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverName" TEXT NOT NULL,
    "generation" INTEGER,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_EnrollmentToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "serverName" TEXT NOT NULL,
    "purpose" TEXT NOT NULL DEFAULT 'boot-media',
    "generation" INTEGER,
    "usedAt" DATETIME,
    "arch" TEXT,
    "format" TEXT,
    "createdById" TEXT NOT NULL,
    "createdByLogin" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedReason" TEXT
);
INSERT INTO "new_EnrollmentToken" ("arch", "createdAt", "createdById", "createdByLogin", "expiresAt", "format", "id", "revokedAt", "revokedReason", "serverName", "tokenHash") SELECT "arch", "createdAt", "createdById", "createdByLogin", "expiresAt", "format", "id", "revokedAt", "revokedReason", "serverName", "tokenHash" FROM "EnrollmentToken";
DROP TABLE "EnrollmentToken";
ALTER TABLE "new_EnrollmentToken" RENAME TO "EnrollmentToken";
CREATE UNIQUE INDEX "EnrollmentToken_tokenHash_key" ON "EnrollmentToken"("tokenHash");
CREATE INDEX "EnrollmentToken_serverName_idx" ON "EnrollmentToken"("serverName");
CREATE INDEX "EnrollmentToken_expiresAt_idx" ON "EnrollmentToken"("expiresAt");
CREATE UNIQUE INDEX "EnrollmentToken_serverName_purpose_generation_key" ON "EnrollmentToken"("serverName", "purpose", "generation");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE INDEX "EnrollmentEvent_serverName_occurredAt_idx" ON "EnrollmentEvent"("serverName", "occurredAt");
