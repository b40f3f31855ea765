-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_BootEvent" (
    "id" TEXT NOT NULL PRIMARY KEY,
    "serverName" TEXT NOT NULL,
    "tokenId" TEXT,
    "mac" TEXT NOT NULL,
    "ip" TEXT,
    "kind" TEXT NOT NULL DEFAULT 'booted',
    "occurredAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "BootEvent_tokenId_fkey" FOREIGN KEY ("tokenId") REFERENCES "EnrollmentToken" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_BootEvent" ("id", "ip", "mac", "occurredAt", "serverName", "tokenId") SELECT "id", "ip", "mac", "occurredAt", "serverName", "tokenId" FROM "BootEvent";
DROP TABLE "BootEvent";
ALTER TABLE "new_BootEvent" RENAME TO "BootEvent";
CREATE INDEX "BootEvent_serverName_occurredAt_idx" ON "BootEvent"("serverName", "occurredAt");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;
