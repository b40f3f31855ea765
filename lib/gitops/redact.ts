/** Replaces the token, and every encoding of it that Git might echo, with a placeholder. */
export type Redactor = (text: string) => string;

export function createRedactor(token: string | undefined): Redactor {
  if (token === undefined || token === "") return (text) => text;
  const secrets = [
    token,
    encodeURIComponent(token),
    Buffer.from(`x-access-token:${token}`).toString("base64"),
  ].sort((a, b) => b.length - a.length);
  return (text) =>
    secrets.reduce((result, secret) => result.split(secret).join("[redacted]"), text);
}
