/** The kind of host a repository lives on, which decides how its file and commit addresses are spelled. */
export type RepositoryHost = "azure" | "bitbucket" | "gitlab" | "github";

/**
 * By its host name: Azure DevOps (dev.azure.com, *.visualstudio.com), Bitbucket Cloud, GitLab (any
 * host naming it, self-managed ones included); anything else is read as GitHub-style (`/blob/`), as
 * GitHub, Gitea and Forgejo spell it.
 */
export function repositoryHost(url: string): RepositoryHost {
  let host: string;
  try {
    host = new URL(url).hostname.toLowerCase();
  } catch {
    return "github";
  }
  if (/(^|\.)dev\.azure\.com$|\.visualstudio\.com$/.test(host)) return "azure";
  if (/(^|\.)bitbucket\.org$/.test(host)) return "bitbucket";
  if (/gitlab/.test(host)) return "gitlab";
  return "github";
}
