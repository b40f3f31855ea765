import { createHmac } from "node:crypto";
import { expect, test } from "@playwright/test";
import { e2eFluxSecret } from "./sandbox/e2e-settings";

test("a signed Flux event shows on the GitOps page within one second, without a reload", async ({
  page,
  request,
}) => {
  await page.goto("/gitops");
  await expect(page.getByRole("heading", { level: 1, name: "GitOps" })).toBeVisible();
  await expect(page.locator("html")).toHaveAttribute("data-live", "connected");
  await expect(page.getByText("Sandbox cluster connected")).toBeVisible();
  let navigations = 0;
  page.on("framenavigated", () => (navigations += 1));

  const marker = `e2e health check ${Date.now()}`;
  const body = JSON.stringify({
    involvedObject: {
      kind: "Kustomization",
      namespace: "flux-system",
      name: "apps",
      apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    },
    severity: "error",
    timestamp: new Date().toISOString(),
    message: marker,
    reason: "HealthCheckFailed",
    metadata: { revision: `main@sha1:${"c".repeat(40)}` },
    reportingController: "kustomize-controller",
  });
  const signature = `sha256=${createHmac("sha256", e2eFluxSecret).update(body).digest("hex")}`;
  const sentAt = Date.now();
  const response = await request.post("/api/webhooks/flux", {
    data: body,
    headers: { "Content-Type": "application/json", "X-Signature": signature },
  });
  expect(response.status()).toBe(202);
  await expect(page.getByTestId("flux-events").getByText(marker)).toBeVisible({ timeout: 1_000 });
  const elapsed = Date.now() - sentAt;
  console.log(`Flux event to GitOps page: ${elapsed} ms`);
  expect(elapsed).toBeLessThanOrEqual(1_000);
  expect(navigations).toBe(0);

  const replay = await request.post("/api/webhooks/flux", {
    data: body,
    headers: { "Content-Type": "application/json", "X-Signature": signature },
  });
  expect(await replay.json()).toMatchObject({ duplicate: true });
  const forged = await request.post("/api/webhooks/flux", {
    data: body.replace(marker, "forged"),
    headers: { "Content-Type": "application/json", "X-Signature": signature },
  });
  expect(forged.status()).toBe(401);
});
