/** A browser link to a commit on a web Git host (GitHub, GitLab, Gitea); none for local remotes. */
export function commitUrl(remoteUrl: string, sha: string): string | undefined {
  if (!/^https?:\/\//.test(remoteUrl)) return undefined;
  const base = remoteUrl.replace(/\/+$/, "").replace(/\.git$/, "");
  return `${base}/commit/${encodeURIComponent(sha)}`;
}
