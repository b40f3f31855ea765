-- CreateTable
CREATE TABLE "WebhookEvent" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "source" TEXT NOT NULL,
    "deliveryKey" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "severity" TEXT,
    "objectKind" TEXT,
    "objectNamespace" TEXT,
    "objectName" TEXT,
    "message" TEXT NOT NULL,
    "revision" TEXT,
    "sha" TEXT,
    "controller" TEXT,
    "occurredAt" DATETIME NOT NULL,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE UNIQUE INDEX "WebhookEvent_deliveryKey_key" ON "WebhookEvent"("deliveryKey");

-- CreateIndex
CREATE INDEX "WebhookEvent_receivedAt_idx" ON "WebhookEvent"("receivedAt");

-- CreateIndex
CREATE INDEX "WebhookEvent_sha_idx" ON "WebhookEvent"("sha");

-- CreateIndex
CREATE INDEX "WebhookEvent_objectKind_objectNamespace_objectName_idx" ON "WebhookEvent"("objectKind", "objectNamespace", "objectName");
