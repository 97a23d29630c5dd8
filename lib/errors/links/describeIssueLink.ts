/** Where a linked issue is tracked, as its address says. */
export type IssueTracker = "github" | "gitlab" | "jira" | "linear" | "azure" | "other";

export interface IssueLinkLabel {
  tracker: IssueTracker;
  /** "acme/shop#42", "ABC-123", "ENG-7", "#4711", or the host for any other address. */
  label: string;
}

/**
 * A linked issue's tracker and short name from its address (pure): GitHub issues and pull requests,
 * GitLab issues and merge requests (any host with "/-/issues/"), Jira ("/browse/KEY-1" or
 * "?selectedIssue=KEY-1"), Linear, Azure DevOps work items; any other address by its host.
 */
export function describeIssueLink(address: string): IssueLinkLabel {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return { tracker: "other", label: address.slice(0, 80) };
  }
  const host = url.hostname.toLowerCase();
  const path = url.pathname;
  const github = /^\/([^/]+\/[^/]+)\/(?:issues|pull)\/(\d{1,12})(?:\/|$)/.exec(path);
  if (host === "github.com" && github) return { tracker: "github", label: `${github[1]}#${github[2]}` };
  const gitlab = /^\/(.+?)\/-\/(issues|merge_requests)\/(\d{1,12})(?:\/|$)/.exec(path);
  if (gitlab) return { tracker: "gitlab", label: `${gitlab[1]}${gitlab[2] === "issues" ? "#" : "!"}${gitlab[3]}` };
  const jiraKey = /\/browse\/([A-Z][A-Z0-9_]{0,30}-\d{1,12})(?:\/|$)/.exec(path)?.[1] ?? url.searchParams.get("selectedIssue") ?? undefined;
  if (jiraKey && /^[A-Z][A-Z0-9_]{0,30}-\d{1,12}$/.test(jiraKey)) return { tracker: "jira", label: jiraKey };
  const linear = /^\/[^/]+\/issue\/([A-Z][A-Z0-9]{0,15}-\d{1,12})(?:\/|$)/.exec(path);
  if (host === "linear.app" && linear) return { tracker: "linear", label: linear[1] };
  const azure = /\/_workitems\/edit\/(\d{1,12})(?:\/|$)/.exec(path);
  if (azure) return { tracker: "azure", label: `#${azure[1]}` };
  return { tracker: "other", label: host };
}
