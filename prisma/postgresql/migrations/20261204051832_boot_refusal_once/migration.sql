-- AlterTable
ALTER TABLE "BootEvent" ADD COLUMN     "refusalOf" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "BootEvent_refusalOf_key" ON "BootEvent"("refusalOf");
