/** What Git says about a server: unknown, registered only, or provisioned at a generation. */
export type ServerGeneration =
  { kind: "unknown" } | { kind: "registered" } | { kind: "provisioned"; generation: number };
