import { z } from "zod";

/** Bytes of one chunk (sentry-cli splits a bundle into pieces of this size). */
export const CHUNK_SIZE = 8 * 1024 * 1024;
export const CHUNKS_PER_REQUEST = 4;
/** Bytes of one chunk-upload request at most (as sent: gzip'ed chunks and the multipart framing). */
export const MAX_CHUNK_REQUEST_BYTES = CHUNKS_PER_REQUEST * CHUNK_SIZE + 64 * 1024;
/** The largest artifact bundle assembled (the ZIP as uploaded; it is held in memory while it is read). */
export const MAX_BUNDLE_BYTES = 64 * 1024 * 1024;
/** How long uploaded chunks are kept for an assembly (a re-run of the same upload within it sends nothing). */
export const CHUNK_TTL_MS = 60 * 60 * 1000;

export const Sha1Schema = z
  .string()
  .regex(/^[0-9a-fA-F]{40}$/, "must be a SHA-1 checksum (40 hex digits)")
  .transform((s) => s.toLowerCase());

/** POST …/artifactbundle/assemble/ as sentry-cli sends it. */
export const AssembleBundleSchema = z.object({
  checksum: Sha1Schema,
  chunks: z
    .array(Sha1Schema)
    .min(1)
    .max(Math.ceil(MAX_BUNDLE_BYTES / CHUNK_SIZE), `a bundle is at most ${MAX_BUNDLE_BYTES} bytes`),
  projects: z.array(z.string().trim().min(1).max(200)).min(1, "name at least one project").max(50),
  version: z.string().trim().min(1).max(200).optional(),
  dist: z.string().max(64).optional(),
});

export type AssembleBundleInput = z.output<typeof AssembleBundleSchema>;

/** What sentry-cli reads back: `ok` and `error` end its polling; `not_found` lists the chunks to send. */
export type AssembleState = "ok" | "error" | "not_found" | "created" | "assembling";
