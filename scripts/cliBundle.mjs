// The admin CLI (scripts/faultline.ts and what it imports) as one ES module for Node: written into
// .faultline/cli/ by scripts/runCli.mjs (npm run faultline) and into the build folder by
// scripts/buildFastPath.mjs (npm run build; the container image runs it). node_modules stay imports.
import path from "node:path";
import { build } from "esbuild";
import { nodeBundle } from "./nodeBundle.mjs";

/**
 * Bundles the CLI into `outfile`, which must sit two folders below the checkout (`.faultline/cli/`,
 * `<build folder>/faultline/`): the CLI finds the checkout's scripts/ from there at run time, wherever
 * the folder was moved to (the image is built in one place and runs in another). Returns the files
 * the bundle was made of, relative to root.
 */
export async function bundleCli(root, outfile) {
  const { metafile } = await build({
    ...nodeBundle(root, "scripts/faultline.ts"),
    define: { "import.meta.dirname": "__faultlineScriptsDir" },
    banner: { js: `const __faultlineScriptsDir = decodeURIComponent(new URL("../../scripts", import.meta.url).pathname);` },
    outfile,
    metafile: true,
  });
  return Object.keys(metafile.inputs).filter((file) => !path.isAbsolute(file));
}
