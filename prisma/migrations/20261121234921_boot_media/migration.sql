-- CreateTable
CREATE TABLE "EnrollmentToken" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "tokenHash" TEXT NOT NULL,
    "serverName" TEXT NOT NULL,
    "arch" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByLogin" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" DATETIME NOT NULL,
    "revokedAt" DATETIME,
    "revokedReason" TEXT
);

-- CreateTable
CREATE TABLE "BootEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverName" TEXT NOT NULL,
    "tokenId" TEXT,
    "mac" TEXT NOT NULL,
    "ip" TEXT,
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BootEvent_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "EnrollmentToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentToken_tokenHash_key" ON "EnrollmentToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EnrollmentToken_serverName_idx" ON "EnrollmentToken"("serverName");

-- CreateIndex
CREATE INDEX "EnrollmentToken_expiresAt_idx" ON "EnrollmentToken"("expiresAt");

-- CreateIndex
CREATE INDEX "BootEvent_serverName_occurredAt_idx" ON "BootEvent"("serverName", "occurredAt");
