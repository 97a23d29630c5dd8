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

/** The "@…" being typed just before the caret (`start` is the "@"'s index), or null. */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const match = /(?:^|[\s([{"'<])@([\p{L}\p{N}_.+@-]{0,60})$/u.exec(before);
  if (!match) return null;
  return { start: caret - match[1].length - 1, query: match[1].toLowerCase() };
}

/** The shortest handle that names this member alone: their address's local part, else the whole address. */
export function mentionHandleFor(member: MentionableMember, members: MentionableMember[]): string {
  const email = member.email.toLowerCase();
  const local = email.slice(0, email.indexOf("@"));
  const named = mentionedMembers(`@${local}`, members);
  return named.length === 1 && named[0] === member.userId ? local : email;
}

/** Members whose name or address starts with (or, for names, has a word starting with) the query; at most `limit`. */
export function mentionCandidates(query: string, members: MentionableMember[], limit = 6): MentionableMember[] {
  const q = query.toLowerCase();
  return members
    .filter((m) => m.email.toLowerCase().startsWith(q) || m.name.toLowerCase().split(/\s+/).some((w) => w.startsWith(q)) || m.name.toLowerCase().replace(/\s+/g, "").startsWith(q))
    .slice(0, limit);
}

/** A comment's text in pieces, each mention of a member marked (for showing who was named). */
export function mentionSegments(body: string, members: MentionableMember[]): { text: string; userId?: string }[] {
  const out: { text: string; userId?: string }[] = [];
  let last = 0;
  for (const match of body.matchAll(MENTION)) {
    const handle = match[1].replace(/[.+-]+$/, "");
    const [userId] = mentionedMembers(`@${handle}`, members);
    if (!userId) continue;
    const start = (match.index ?? 0) + match[0].indexOf("@");
    if (start > last) out.push({ text: body.slice(last, start) });
    out.push({ text: `@${handle}`, userId });
    last = start + handle.length + 1;
  }
  if (last < body.length) out.push({ text: body.slice(last) });
  return out;
}
