/** An absolute link to a path of this Faultline under PUBLIC_URL (emails, chat messages); null when it is not set. */
export function publicLink(publicUrl: string | undefined, path: string): string | null {
  return publicUrl ? new URL(path, publicUrl).toString() : null;
}
