#!/usr/bin/env node
import { autoRange, headCommit, INITIAL_DEPTH, isAncestorOfHead, previousReleaseHeads, readGitCommits, setReleaseCommits } from "../cli/gitCommits.js";

const USAGE = `Usage: faultline-release commits <release> [--range <previous-release-ref>..HEAD | --auto]
Sends the release's commits (git log of the range, HEAD's history by default, at most 1,000) with the
files they changed, for suspect commits on the issue page. --auto starts the range at the newest
commit of the latest earlier release Faultline has commits of that HEAD descends from (the last ${INITIAL_DEPTH}
commits when there is none, e.g. for a first release).
Environment: FAULTLINE_URL (https://errors.example.com), FAULTLINE_API_TOKEN (a write API token),
             FAULTLINE_PROJECT (the project's id, Settings → Project)`;

/** `faultline-release commits shop@1.4.2 --range v1.4.1..HEAD` (or `--auto`): a deploy step. */
async function main(argv: string[]): Promise<number> {
  const [command, release, ...rest] = argv;
  const at = rest.indexOf("--range");
  const auto = rest.includes("--auto");
  const { FAULTLINE_URL: url, FAULTLINE_API_TOKEN: token, FAULTLINE_PROJECT: projectId } = process.env;
  const known = rest.every((arg, i) => arg === "--auto" || arg === "--range" || (i > 0 && rest[i - 1] === "--range"));
  if (command !== "commits" || !release || !url || !token || !projectId || !known || (at >= 0 && (auto || !rest[at + 1]))) {
    console.error(USAGE);
    return 2;
  }
  let range = at >= 0 ? rest[at + 1] : "HEAD";
  let maxCount: number | undefined;
  let since = "";
  if (auto) {
    const found = autoRange(await previousReleaseHeads({ url, token, projectId, release }), (sha) => isAncestorOfHead(sha), headCommit());
    if (found) {
      range = found.range;
      since = ` (since ${found.since})`;
    } else {
      maxCount = INITIAL_DEPTH;
      since = ` (no earlier release's commit in its history: the last ${INITIAL_DEPTH})`;
    }
  }
  const commits = readGitCommits(range, process.cwd(), maxCount);
  const result = await setReleaseCommits({ url, token, projectId, release, commits });
  console.log(`${result.commits} commit(s) of ${range}${since} set for ${release}${result.resolvedIssues.length > 0 ? `; ${result.resolvedIssues.length} issue(s) they fix resolved` : ""}`);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
