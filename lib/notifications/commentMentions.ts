/** A workspace member a comment may name. */
export interface MentionableMember {
  userId: string;
  email: string;
  name: string;
}

// "@" after a start, a space or an opening bracket/quote (so "bob@example.com" in prose is no
// mention), then an email address or a handle.
const MENTION = /(?:^|[\s([{"'<])@([\p{L}\p{N}_.+-]+(?:@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+)?)/gu;
const MAX_MENTIONS = 20;

/** The handles a comment names ("@ana", "@ana@shop.test"), lowercased, without trailing dots, at most 20. */
export function mentionHandles(body: string): string[] {
  const handles = new Set<string>();
  for (const match of body.matchAll(MENTION)) {
    const handle = match[1].replace(/[.+-]+$/, "").toLowerCase();
    if (handle) handles.add(handle);
    if (handles.size >= MAX_MENTIONS) break;
  }
  return [...handles];
}

/**
 * The members a comment names: by whole email address, by the part of it before "@", or by their
 * name without spaces ("@anasilva" for "Ana Silva"); a handle two members share names neither.
 */
export function mentionedMembers(body: string, members: MentionableMember[]): string[] {
  const handles = mentionHandles(body);
  if (handles.length === 0) return [];
  const byHandle = new Map<string, Set<string>>();
  const add = (handle: string, userId: string) => {
    if (!handle) return;
    const set = byHandle.get(handle) ?? new Set<string>();
    set.add(userId);
    byHandle.set(handle, set);
  };
  for (const m of members) {
    const email = m.email.toLowerCase();
    add(email, m.userId);
    add(email.slice(0, email.indexOf("@")), m.userId);
    add(m.name.toLowerCase().replace(/\s+/g, ""), m.userId);
  }
  const out = new Set<string>();
  for (const handle of handles) {
    const ids = byHandle.get(handle);
    if (ids?.size === 1) out.add([...ids][0]);
  }
  return [...out];
}
