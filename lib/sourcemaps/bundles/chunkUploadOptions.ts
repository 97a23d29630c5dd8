import type { AuthContext } from "@/lib/auth/AuthContext";
import { CHUNK_SIZE, CHUNKS_PER_REQUEST, MAX_BUNDLE_BYTES, MAX_CHUNK_REQUEST_BYTES } from "@/lib/sourcemaps/bundles/chunkUploadSchemas";
import { sentryApiWorkspace } from "@/lib/workspaces/sentryApiWorkspace";

/**
 * What sentry-cli asks before an upload (GET …/chunk-upload/): where to send chunks, their size and
 * checksum, and what this server takes: artifact bundles (source maps by debug ID and release) and
 * ProGuard / R8 mappings (through …/files/difs/assemble/).
 * `origin` is the server's public origin (PUBLIC_URL, else the request's).
 */
export async function chunkUploadOptions(auth: AuthContext, org: string, origin: string) {
  const workspace = await sentryApiWorkspace(auth, org, { triage: false });
  return {
    url: `${origin}/api/0/organizations/${encodeURIComponent(workspace.slug)}/chunk-upload/`,
    chunkSize: CHUNK_SIZE,
    chunksPerRequest: CHUNKS_PER_REQUEST,
    maxRequestSize: MAX_CHUNK_REQUEST_BYTES,
    maxFileSize: MAX_BUNDLE_BYTES,
    concurrency: 2,
    hashAlgorithm: "sha1",
    compression: ["gzip"],
    // sentry-cli 2.x reads what the server takes; 3.x always sends artifact bundles, and mappings in chunks.
    accept: ["artifact_bundles", "artifact_bundles_v2", "proguard", "sources"],
  };
}
