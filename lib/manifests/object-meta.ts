import { z } from "zod";

export const tinkerbellApiVersion = "tinkerbell.org/v1alpha1";
export const rufioApiVersion = "bmc.tinkerbell.org/v1alpha1";
/** The namespace the tinkerbell folders' kustomizations put every object in. */
export const tinkerbellNamespace = "tinkerbell";

/** RFC 1123 label: what Kubernetes accepts as a name that is also a safe file name. */
export const dnsLabel = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** RFC 1123 subdomain, the rule for most object names. */
export const dnsSubdomain =
  /^(?=.{1,253}$)[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/;

export const objectMetaSchema = z.object({
  name: z.string().regex(dnsSubdomain, "must be a lowercase RFC 1123 name"),
  namespace: z.string().regex(dnsLabel).optional(),
  labels: z.record(z.string(), z.string()).optional(),
  annotations: z.record(z.string(), z.string()).optional(),
});
export type ObjectMeta = z.infer<typeof objectMetaSchema>;
