import type { TailscaleAuthKey } from "@/lib/tailscale/create-auth-key";

/** The tailnet's auth keys as first boot uses them: one made per server, removed once used. */
export type TailscaleKeys = {
  create(input: { description: string }): Promise<TailscaleAuthKey>;
  remove(keyId: string): Promise<void>;
};
