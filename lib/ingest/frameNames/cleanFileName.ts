/**
 * Reduces a frame's file path or URL to a deploy-independent name: basename only (hosts
 * and checkout directories differ), no query string or fragment (cache busters), and no
 * build hashes ("main.3f2a9c1b.js" -> "main.js"), which change on every release.
 */
export function cleanFileName(path: string): string {
  let name = path.trim();
  const query = name.search(/[?#]/);
  if (query >= 0) name = name.slice(0, query);
  name = name.slice(Math.max(name.lastIndexOf("/"), name.lastIndexOf("\\")) + 1);
  if (PSEUDO_FILES.has(name)) return "";
  return stripSegmentHashes(stripRollupHash(name));
}

/** Locations runtimes print for code that has no file. */
const PSEUDO_FILES = new Set(["<anonymous>", "<unknown>", "native", "[native code]", "[internal function]", "<eval>"]);

/** Rollup/Vite "name-XXXXXXXX.js": an 8-char base64url hash, which may itself contain "-" or "_". */
const ROLLUP_HASH = /-([A-Za-z0-9_-]{8})(?=(?:\.[A-Za-z0-9]{1,8}){1,3}$)/;

function stripRollupHash(name: string): string {
  return name.replace(ROLLUP_HASH, (whole, hash: string) => (looksLikeHash(hash) ? "" : whole));
}

/** A hash mixes in digits, several capitals or base64url punctuation; plain words don't ("Settings"). */
function looksLikeHash(token: string): boolean {
  return /\d/.test(token) || /[-_]/.test(token) || (token.match(/[A-Z]/g)?.length ?? 0) >= 2;
}

const HEX_HASH = /^[0-9a-f]{6,64}$/i;
const ALNUM_HASH = /^[A-Za-z0-9]{8,64}$/;

/** webpack/esbuild style: "main.3f2a9c1b.js", "chunk-ABC123DE.js", "app-4f8e2a.min.js". */
function isHashSegment(token: string): boolean {
  if (!/\d/.test(token)) return false;
  return HEX_HASH.test(token) || (ALNUM_HASH.test(token) && /[A-Za-z]/.test(token));
}

function stripSegmentHashes(name: string): string {
  // split with a capture group keeps separators: [token, sep, token, sep, ..., token]
  const parts = name.split(/([.\-_~])/);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i += 2) {
    const token = parts[i];
    const isExtension = i === parts.length - 1 && i > 0;
    if (i > 0 && !isExtension && isHashSegment(token)) continue; // drop token and its separator
    if (i > 0) out.push(parts[i - 1]);
    out.push(token);
  }
  // A name that is only a hash ("3f2a9c1b.js") keeps a stable placeholder.
  if (parts.length > 1 && HEX_HASH.test(parts[0]) && /\d/.test(parts[0]) && parts[0].length >= 8) out[0] = "<hash>";
  return out.join("");
}
