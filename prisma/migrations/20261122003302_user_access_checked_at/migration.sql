-- AlterTable
ALTER TABLE "User" ADD COLUMN "accessCheckedAt" DATETIME;
