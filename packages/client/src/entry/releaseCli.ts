#!/usr/bin/env node
import { readGitCommits, setReleaseCommits } from "../cli/gitCommits";

const USAGE = `Usage: faultline-release commits <release> [--range <previous-release-ref>..HEAD]
Sends the release's commits (git log of the range, HEAD's history by default, at most 1,000) with the
files they changed, for suspect commits on the issue page.
Environment: FAULTLINE_URL (https://errors.example.com), FAULTLINE_API_TOKEN (a write API token),
             FAULTLINE_PROJECT (the project's id, Settings → Project)`;

/** `faultline-release commits shop@1.4.2 --range v1.4.1..HEAD`: a deploy step. */
async function main(argv: string[]): Promise<number> {
  const [command, release, ...rest] = argv;
  const at = rest.indexOf("--range");
  const range = at >= 0 ? rest[at + 1] : "HEAD";
  const { FAULTLINE_URL: url, FAULTLINE_API_TOKEN: token, FAULTLINE_PROJECT: projectId } = process.env;
  if (command !== "commits" || !release || !range || !url || !token || !projectId) {
    console.error(USAGE);
    return 2;
  }
  const commits = readGitCommits(range);
  const result = await setReleaseCommits({ url, token, projectId, release, commits });
  console.log(`${result.commits} commit(s) of ${range} set for ${release}${result.resolvedIssues.length > 0 ? `; ${result.resolvedIssues.length} issue(s) they fix resolved` : ""}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
