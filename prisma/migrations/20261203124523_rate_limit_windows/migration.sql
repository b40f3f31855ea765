-- CreateTable
CREATE TABLE "RateLimitWindow" (
    "rule" TEXT NOT NULL,
    "client" TEXT NOT NULL,
    "windowStart" DATETIME NOT NULL,
    "count" INTEGER NOT NULL,

    PRIMARY KEY ("rule", "client", "windowStart")
);

-- CreateIndex
CREATE INDEX "RateLimitWindow_windowStart_idx" ON "RateLimitWindow"("windowStart");
