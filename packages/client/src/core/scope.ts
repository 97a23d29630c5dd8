import type { TagValue, User } from "./types.js";

/** What every event of a client carries: the current user, tags and named contexts. */
export class Scope {
  user: User | undefined;
  tags: Record<string, TagValue> = {};
  contexts: Record<string, unknown> = {};

  setUser(user: User | null): void {
    this.user = user ?? undefined;
  }

  setTag(key: string, value: TagValue): void {
    this.tags[key] = value;
  }

  setTags(tags: Record<string, TagValue>): void {
    Object.assign(this.tags, tags);
  }

  /** A named context (e.g. "order": {id, total}); null removes it. */
  setContext(name: string, value: Record<string, unknown> | null): void {
    if (value === null) delete this.contexts[name];
    else this.contexts[name] = value;
  }
}
