-- AlterTable
ALTER TABLE "BootEvent" ADD COLUMN     "kind" TEXT NOT NULL DEFAULT 'booted';
