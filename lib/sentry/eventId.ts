/** A Sentry event id: 32 hex digits, or a UUID with dashes (normalised to 32 lower-case hex digits). */
export function normaliseEventId(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const hex = value.trim().toLowerCase().replace(/^([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})$/, "$1$2$3$4$5");
  return /^[0-9a-f]{32}$/.test(hex) ? hex : undefined;
}
