-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "ownerId" TEXT;
