/**
 * The live contract between what the server publishes and what browsers refetch: an event names
 * the keys it invalidates; TanStack queries start their key with one of these, and a page that
 * is rendered on the server names the ones it shows (components/live/refresh-on.tsx). A key
 * outside this list does not compile on either side.
 */
export const liveKeys = [
  /** the in-memory cluster view: nodes, Flux objects, Hardware, Workflows */
  "cluster",
  /** stored Flux and GitHub webhook events */
  "events",
  /** request and server timelines */
  "timeline",
  /** what the Servers pages show of each server (Git and cluster together) */
  "servers",
  /** the GitOps repository: a commit by the console, or a push it was told of */
  "git",
  /** the audit journal, as Activity and the Overview show it */
  "activity",
] as const;

export type LiveKey = (typeof liveKeys)[number];

/** One invalidation: a query key's first segment, optionally narrowed by more segments. */
export type Invalidation = readonly [LiveKey, ...string[]];
