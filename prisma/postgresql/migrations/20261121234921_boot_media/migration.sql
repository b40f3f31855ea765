-- CreateTable
CREATE TABLE "EnrollmentToken" (
    "id" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "serverName" TEXT NOT NULL,
    "arch" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdByLogin" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "revokedAt" TIMESTAMP(3),
    "revokedReason" TEXT,

    CONSTRAINT "EnrollmentToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BootEvent" (
    "id" TEXT NOT NULL,
    "serverName" TEXT NOT NULL,
    "tokenId" TEXT,
    "mac" TEXT NOT NULL,
    "ip" TEXT,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "BootEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentToken_tokenHash_key" ON "EnrollmentToken"("tokenHash");

-- CreateIndex
CREATE INDEX "EnrollmentToken_serverName_idx" ON "EnrollmentToken"("serverName");

-- CreateIndex
CREATE INDEX "EnrollmentToken_expiresAt_idx" ON "EnrollmentToken"("expiresAt");

-- CreateIndex
CREATE INDEX "BootEvent_serverName_occurredAt_idx" ON "BootEvent"("serverName", "occurredAt");

-- AddForeignKey
ALTER TABLE "BootEvent" ADD CONSTRAINT "BootEvent_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "EnrollmentToken"("id") ON DELETE SET NULL ON UPDATE CASCADE;
