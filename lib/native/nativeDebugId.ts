/**
 * A native binary's debug ID as Sentry's SDKs and tools write it: a GUID, and the PDB age when it
 * is not zero — "3e5a0e68-d4be-8e6f-2f01-1bf9c5c8f5b3", "9b7a3c1e-…-1a2b3c4d5e6f-1". Accepts that
 * form (any case, with or without hyphens) and Breakpad's (the GUID's 32 hex digits and the age
 * appended: "3E5A0E68D4BE8E6F2F011BF9C5C8F5B30"); undefined for anything else.
 */
export function nativeDebugId(value: unknown): string | undefined {
  if (typeof value !== "string" || value.length > 80) return undefined;
  const text = value.trim().toLowerCase();
  const hyphenated = /^([0-9a-f]{8})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{4})-?([0-9a-f]{12})(?:-([0-9a-f]{1,8}))?$/.exec(text);
  const breakpad = hyphenated ? null : /^([0-9a-f]{8})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{4})([0-9a-f]{12})([0-9a-f]{1,8})$/.exec(text);
  const m = hyphenated ?? breakpad;
  if (!m) return undefined;
  const guid = m.slice(1, 6).join("-");
  const age = m[6] ? parseInt(m[6], 16) : 0;
  return age === 0 ? guid : `${guid}-${age.toString(16)}`;
}
