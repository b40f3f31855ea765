/** Audit actions a server writes about itself; a server's "latest request" skips them. */
export const serverReportedActions = [
  "boot-from-media",
  "netboot-refused",
  "issue-enrollment-token",
  "claim-enrollment-token",
  "fetch-first-boot-credentials",
] as const;
