/** How the console reaches Tailscale's API to mint one-off auth keys (read from the enrollment settings). */
export type TailscaleCredentials =
  | { kind: "oauth-client"; clientId: string; clientSecret: string }
  | { kind: "api-key"; apiKey: string };

export type TailscaleSettings = {
  apiUrl: string;
  tailnet: string;
  credentials: TailscaleCredentials;
  tags: string[];
  keyExpirySeconds: number;
};
