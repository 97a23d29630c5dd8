#!/usr/bin/env node
import { uploadSourceMaps } from "../cli/uploadSourceMaps.js";

const USAGE = `Usage: faultline-sourcemaps upload <dir> --release <release> --url-prefix <~/static/js | https://cdn/assets>
Environment: FAULTLINE_URL (https://errors.example.com), FAULTLINE_API_TOKEN (a write API token),
             FAULTLINE_PROJECT (the project's id, Settings → Project)`;

/** `faultline-sourcemaps upload dist --release shop@1.4.0 --url-prefix ~/static/js`: a deploy step. */
async function main(argv: string[]): Promise<number> {
  const [command, dir, ...rest] = argv;
  const flag = (name: string) => {
    const at = rest.indexOf(`--${name}`);
    return at >= 0 ? rest[at + 1] : undefined;
  };
  const release = flag("release");
  const urlPrefix = flag("url-prefix");
  const { FAULTLINE_URL: url, FAULTLINE_API_TOKEN: token, FAULTLINE_PROJECT: projectId } = process.env;
  if (command !== "upload" || !dir || !release || !urlPrefix || !url || !token || !projectId) {
    console.error(USAGE);
    return 2;
  }
  const result = await uploadSourceMaps({ url, token, projectId, release, dir, urlPrefix, log: (line) => console.log(line) });
  console.log(`${result.uploaded.length} source map(s) uploaded for ${release}, ${result.failed.length} failed`);
  return result.failed.length > 0 || result.uploaded.length === 0 ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
