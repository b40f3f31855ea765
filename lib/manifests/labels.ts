/** Label and annotation keys the console puts on the objects it writes. */
export const labelKeys = {
  managedBy: "app.kubernetes.io/managed-by",
  server: "foundry.metal/server",
  site: "foundry.metal/site",
  rack: "foundry.metal/rack",
  generation: "foundry.metal/generation",
} as const;

export const managedByConsole = "metal-foundry-console";
