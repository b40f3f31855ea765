-- AlterTable
ALTER TABLE "User" ADD COLUMN     "accessCheckedAt" TIMESTAMP(3);
