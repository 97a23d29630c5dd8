/** What the CLI says beside a new ingest key: where to find it again, or that this is the only time. */
export function keptNote(kept: boolean): string {
  return kept ? "(admins can copy it again: Settings → Project → Ingest keys)" : "(shown once: FAULTLINE_SECRET_KEY is not set here, so no sealed copy is kept)";
}
