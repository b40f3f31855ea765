import type { JoinServices } from "@/lib/enrollment/join-services";

export type JoinCredentials = {
  tailscaleAuthKey: string;
  k3sToken: string;
  k3sUrl: string;
  k3sVersion: string;
};

/*
 * K3s takes a bootstrap token `<id>.<secret>` as an agent token. The secure form
 * `K10<sha256 of the server CA PEM>::<id>.<secret>` also pins the CA; without a configured hash
 * the agent trusts the CA it is first shown (k3s's "short" token format).
 */
export function k3sJoinToken(
  caHash: string | undefined,
  tokenId: string,
  tokenSecret: string,
): string {
  const credentials = `${tokenId}.${tokenSecret}`;
  return caHash ? `K10${caHash}::${credentials}` : credentials;
}

/** A Tailscale key, then a bootstrap token; if the second fails, the first is deleted. */
export async function mintJoinCredentials(
  services: JoinServices,
  input: { server: string; generation: number | null; now: Date },
): Promise<JoinCredentials & { keyId: string; secretName: string; k3sTokenExpiresAt: Date }> {
  const { tailscale, bootstrapTokens, k3s } = services;
  const key = await tailscale.create({
    description: `foundry ${input.server}${input.generation === null ? "" : ` gen ${input.generation}`}`,
  });
  try {
    const expiresAt = new Date(input.now.getTime() + k3s.tokenTtlMinutes * 60_000);
    const token = await bootstrapTokens({ server: input.server, expiresAt });
    return {
      tailscaleAuthKey: key.key,
      k3sToken: k3sJoinToken(k3s.caHash, token.tokenId, token.tokenSecret),
      k3sUrl: k3s.url,
      k3sVersion: k3s.version,
      keyId: key.id,
      secretName: token.secretName,
      k3sTokenExpiresAt: token.expiresAt,
    };
  } catch (error) {
    await tailscale.remove(key.id).catch(() => undefined);
    throw error;
  }
}
