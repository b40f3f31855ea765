/** Where the claim secret lives in the cluster: the Secret the Hardware's reference names. */
export type ClaimSecretStore = {
  write(server: string, secret: string): Promise<void>;
  remove(server: string): Promise<void>;
};
