-- AlterTable
ALTER TABLE "EnrollmentToken" ADD COLUMN     "generation" INTEGER,
ADD COLUMN     "purpose" TEXT NOT NULL DEFAULT 'boot-media',
ADD COLUMN     "usedAt" TIMESTAMP(3),
ALTER COLUMN "arch" DROP NOT NULL,
ALTER COLUMN "format" DROP NOT NULL;

-- CreateTable
CREATE TABLE "EnrollmentEvent" (
    "id" TEXT NOT NULL,
    "serverName" TEXT NOT NULL,
    "generation" INTEGER,
    "kind" TEXT NOT NULL,
    "detail" TEXT NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EnrollmentEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "EnrollmentEvent_serverName_occurredAt_idx" ON "EnrollmentEvent"("serverName", "occurredAt");

-- CreateIndex
CREATE UNIQUE INDEX "EnrollmentToken_serverName_purpose_generation_key" ON "EnrollmentToken"("serverName", "purpose", "generation");
