import fs from "node:fs";
import path from "node:path";
import { decodeFrames, encodeFrame } from "@/lib/spool/spoolFrame";
import { parseEntry, serialiseEntry, type SpoolEntry } from "@/lib/spool/spoolEntry";
import { ownSegments, segmentWriterGone } from "@/lib/spool/segmentOwner";

/**
 * The durable local spool: where accepted events go while PostgreSQL is down or restarting.
 *
 * Append-only segment files in one directory, named `<ms since epoch>-<pid>-<seq>@<database>` so
 * that their names sort in the order they were written. A process appends to its own `.open`
 * segment; every append is written and fdatasync'ed before it resolves (concurrent appends share one
 * sync), so an event answered 2xx is on disk. A full segment, or one sealed for replay, is renamed
 * `.spool`; the replayer claims segments by renaming them `.replaying-<pid>` (atomic: one replayer
 * per segment) and deletes them once every record is stored. Segments of processes that died are
 * claimed too — also when a new process runs under the dead one's pid (lib/spool/segmentOwner.ts).
 *
 * `@<database>` is the identity of the database the writer stores into (lib/db/databaseIdentity.ts,
 * set with `identify`): a replayer claims only its own database's segments and leaves every other
 * one where it is, for an instance on that database — two instances on different databases sharing
 * the folder never store, or put aside, each other's events. A segment opened before the writer knew
 * its database is named without it and stamped when it is sealed; one left so (written by a version
 * before the stamp, or by a process that died before it ever reached its database) is anyone's, as
 * every segment was before.
 * The directory's total size is bounded: past `maxBytes` an append fails with SpoolFullError.
 */
export interface SpoolOptions {
  dir: string;
  maxBytes: number;
  segmentBytes?: number;
  /** The database's identity (lib/db/databaseIdentity.ts), when already known. */
  identity?: string;
}

const SPOOL_FULL = Symbol.for("faultline.SpoolFullError");

/**
 * The spool has no room. Recognised across the two copies of lib/ that `npm start` runs (the fast
 * path's bundle and Next.js's share the spool on globalThis; see ApiError): a process-wide brand,
 * not the prototype chain.
 */
export class SpoolFullError extends Error {
  readonly [SPOOL_FULL] = true;

  static [Symbol.hasInstance](value: unknown): value is SpoolFullError {
    return typeof value === "object" && value !== null && (value as { [SPOOL_FULL]?: unknown })[SPOOL_FULL] === true;
  }

  constructor(readonly maxBytes: number) {
    super(`the spool is full (${Math.round(maxBytes / 1024 / 1024)} MiB)`);
    this.name = "SpoolFullError";
  }
}

export interface SegmentRead {
  entries: SpoolEntry[];
  /** Bytes after the last whole record (a write torn by a crash: never acknowledged). */
  tornBytes: number;
  /** Records whose payload was not a spool entry (skipped and reported). */
  unreadable: number;
}

interface Pending {
  frame: Buffer;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/** Replay reads and parses a whole segment at once: 4 MiB keeps that (and the RSS it costs) small. */
const DEFAULT_SEGMENT_BYTES = 4 * 1024 * 1024;
/** `<ms>-<pid>-<seq>[@<database>].<state>`: the stem (name without state), its database, its state, the replayer's pid. */
const SEGMENT = /^(\d{16}-\d+-\d+(?:@([0-9a-f]{16}))?)\.(open|spool|replaying-(\d+))$/;
const IDENTITY = /^[0-9a-f]{16}$/;

export class Spool {
  readonly dir: string;
  readonly maxBytes: number;
  private readonly segmentBytes: number;
  private handle: fs.promises.FileHandle | null = null;
  private openName: string | null = null;
  private openBytes = 0;
  /** Bytes of every segment in the directory (whichever database's) and of those of other databases. */
  private totalBytes = 0;
  private foreignBytes = 0;
  private foreignSegments = 0;
  /** When this database's oldest segment still in the directory was opened (ms), null when there is none. */
  private oldestMs: number | null = null;
  /** When a write last failed (a disk error, the disk full), null once one succeeded or replay freed space. */
  private writeFailedMs: number | null = null;
  private identityTag: string | null = null;
  private seq = 0;
  private queue: Pending[] = [];
  private flushing: Promise<void> | null = null;

  constructor(options: SpoolOptions) {
    this.dir = options.dir;
    this.maxBytes = options.maxBytes;
    this.segmentBytes = options.segmentBytes ?? DEFAULT_SEGMENT_BYTES;
    if (options.identity) this.identityTag = checkedIdentity(options.identity);
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    this.scan();
  }

  /** The identity of the database this process stores into, null until known. */
  get identity(): string | null {
    return this.identityTag;
  }

  /**
   * Sets the database this process stores into: segments opened from now on are stamped with it (and
   * the open one when it is sealed); replay claims its segments only. Re-reads the directory.
   */
  identify(identity: string): void {
    this.identityTag = checkedIdentity(identity);
    this.scan();
  }

  /** Appends one entry; resolves once it is on disk. Rejects with SpoolFullError past the bound (the whole directory's). */
  append(entry: SpoolEntry): Promise<void> {
    const frame = encodeFrame(serialiseEntry(entry));
    if (this.totalBytes + this.queuedBytes() + frame.length > this.maxBytes) return Promise.reject(new SpoolFullError(this.maxBytes));
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ frame, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  /**
   * Bytes this database's segments hold (every process's) plus what is being written: what is still
   * to be stored. Until the database is known, every segment counts.
   */
  bytes(): number {
    return this.totalBytes - this.foreignBytes + this.queuedBytes();
  }

  /** Bytes of the whole directory (other databases' segments too: the bound is the directory's) plus what is being written. */
  directoryBytes(): number {
    return this.totalBytes + this.queuedBytes();
  }

  /** Segments of other databases in the directory at the last look (left for instances on those). */
  otherDatabasesSegments(): number {
    return this.foreignSegments;
  }

  /** True when nothing of this database is waiting to be replayed or written. */
  isEmpty(): boolean {
    return this.queue.length === 0 && this.flushing === null && this.totalBytes - this.foreignBytes <= 0;
  }

  /** When the oldest segment still to be stored was opened (ms since the epoch), as of the last look; null when none. */
  oldestSegmentMs(): number | null {
    return this.isEmpty() ? null : this.oldestMs;
  }

  /** When a write to the spool last failed, unless one succeeded (or replay freed space) since. */
  lastWriteFailureMs(): number | null {
    return this.writeFailedMs;
  }

  /** Waits for every append so far to be on disk. */
  async flushed(): Promise<void> {
    while (this.flushing) await this.flushing;
  }

  /** Closes this process's open segment and makes it replayable. */
  async seal(): Promise<void> {
    await this.flushed();
    await this.closeOpenSegment();
  }

  /**
   * Claims every segment of this database ready for replay, oldest first: sealed ones, those this
   * process was already replaying, and those of processes that no longer run — and those without a
   * database (see above). Another database's segment is never claimed. Returns their paths.
   */
  async claimSegments(): Promise<string[]> {
    const claimed: string[] = [];
    for (const name of fs.readdirSync(this.dir).sort()) {
      const match = SEGMENT.exec(name);
      if (!match) continue;
      const [, base, identity, state, replayer] = match;
      if (identity && identity !== this.identityTag) continue;
      const writer = Number(base.split("-")[1]);
      const mine = `${base}.replaying-${process.pid}`;
      if (state === "open" && !segmentWriterGone(base, writer, Number(base.split("-")[0]))) continue;
      if (state.startsWith("replaying") && Number(replayer) !== process.pid && !segmentWriterGone(name, Number(replayer), claimedAt(path.join(this.dir, name)))) continue;
      if (name !== mine) {
        try {
          fs.renameSync(path.join(this.dir, name), path.join(this.dir, mine));
        } catch {
          continue; // another replayer took it first
        }
      }
      claimed.push(path.join(this.dir, mine));
    }
    if (claimed.length) await syncDir(this.dir);
    return claimed;
  }

  async readSegment(file: string): Promise<SegmentRead> {
    const data = await fs.promises.readFile(file);
    const { payloads, validBytes } = decodeFrames(data);
    const entries: SpoolEntry[] = [];
    let unreadable = 0;
    for (const payload of payloads) {
      try {
        entries.push(parseEntry(payload));
      } catch {
        unreadable++;
      }
    }
    return { entries, tornBytes: data.length - validBytes, unreadable };
  }

  /** Deletes a fully replayed segment. */
  async finishSegment(file: string): Promise<void> {
    const { size } = await fs.promises.stat(file);
    await fs.promises.rm(file);
    this.totalBytes = Math.max(this.foreignBytes, this.totalBytes - size);
    // Room again: the next append tries the disk again.
    this.writeFailedMs = null;
    await syncDir(this.dir);
  }

  /** Re-reads the directory's sizes (segments of other processes come and go). */
  rescan(): void {
    this.scan();
  }

  /** Writes a record that can never be stored (e.g. its project was deleted) aside, for a human. */
  putAside(entry: SpoolEntry, reason: string): void {
    const dead = path.join(this.dir, "dead-letter");
    fs.mkdirSync(dead, { recursive: true, mode: 0o700 });
    fs.writeFileSync(path.join(dead, `${entry.id}.json`), JSON.stringify({ reason, entry }), { mode: 0o600 });
  }

  async close(): Promise<void> {
    await this.flushed();
    await this.closeOpenSegment();
  }

  private queuedBytes(): number {
    return this.queue.reduce((sum, p) => sum + p.frame.length, 0);
  }

  private async flush(): Promise<void> {
    try {
      // Appends arriving in the same turn of the event loop share the write and the sync.
      await new Promise((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.queue.splice(0);
        const data = Buffer.concat(batch.map((p) => p.frame));
        try {
          const handle = await this.openSegment();
          let written = 0;
          while (written < data.length) written += (await handle.write(data, written, data.length - written)).bytesWritten;
          await handle.datasync();
          this.openBytes += data.length;
          this.totalBytes += data.length;
          this.writeFailedMs = null;
          batch.forEach((p) => p.resolve());
        } catch (error) {
          this.writeFailedMs = Date.now();
          batch.forEach((p) => p.reject(error));
          // A failed write may have left a torn record: later appends start a new segment.
          await this.closeOpenSegment().catch(() => undefined);
          continue;
        }
        // A full segment is sealed; should that fail (a disk error), its records stay where they are and
        // are replayed from there (closeOpenSegment), and the next append starts a new segment.
        if (this.openBytes >= this.segmentBytes) await this.closeOpenSegment().catch(() => undefined);
      }
    } finally {
      this.flushing = null;
    }
  }

  private async openSegment(): Promise<fs.promises.FileHandle> {
    if (this.handle) return this.handle;
    const now = Date.now();
    const name = `${String(now).padStart(16, "0")}-${process.pid}-${this.seq++}${this.identityTag ? `@${this.identityTag}` : ""}`;
    // Known as this process's before the file exists: a replayer looking meanwhile leaves it alone.
    ownSegments().add(name);
    this.handle = await fs.promises.open(path.join(this.dir, `${name}.open`), "a", 0o600);
    this.openName = name;
    this.openBytes = 0;
    this.oldestMs ??= now;
    await syncDir(this.dir);
    return this.handle;
  }

  private async closeOpenSegment(): Promise<void> {
    if (!this.handle || !this.openName) return;
    // Everything about the segment being closed is taken now: while its close is awaited, an append
    // may open the next segment and reset openBytes — read afterwards, it said the closed segment was
    // empty, and the segment, with records already answered, was deleted.
    const handle = this.handle;
    const name = this.openName;
    const bytes = this.openBytes;
    this.handle = null;
    this.openName = null;
    try {
      // Its records were synced before they were answered: a failed close loses none of them.
      await handle.close().catch(() => undefined);
      const from = path.join(this.dir, `${name}.open`);
      // Opened before this process knew its database: stamped now that it does.
      const sealed = !SEGMENT.exec(`${name}.open`)?.[2] && this.identityTag ? `${name}@${this.identityTag}` : name;
      if (bytes === 0) await fs.promises.rm(from, { force: true });
      else await fs.promises.rename(from, path.join(this.dir, `${sealed}.spool`));
    } finally {
      // No longer written by this process either way: should the rename have failed, the replayer
      // takes the segment as it is (`.open`, its writer gone), instead of leaving it for a restart.
      ownSegments().delete(name);
    }
    await syncDir(this.dir);
  }

  /** Re-reads the sizes of the directory's segments, which are other databases', and when the oldest of this one's was opened. */
  private scan(): void {
    let total = 0;
    let foreign = 0;
    let foreignSegments = 0;
    let oldest: number | null = null;
    for (const name of fs.readdirSync(this.dir)) {
      const match = SEGMENT.exec(name);
      if (!match) continue;
      let size: number;
      try {
        size = fs.statSync(path.join(this.dir, name)).size;
      } catch {
        continue; // replayed and deleted meanwhile
      }
      total += size;
      if (match[2] && this.identityTag && match[2] !== this.identityTag) {
        foreign += size;
        foreignSegments++;
      } else {
        const opened = Number(match[1].slice(0, 16));
        oldest = oldest === null ? opened : Math.min(oldest, opened);
      }
    }
    this.totalBytes = total;
    this.foreignBytes = foreign;
    this.foreignSegments = foreignSegments;
    this.oldestMs = oldest;
  }
}

function checkedIdentity(identity: string): string {
  if (!IDENTITY.test(identity)) throw new Error(`a spool's database identity is 16 hex digits, not ${JSON.stringify(identity)}`);
  return identity;
}

/** When a segment was renamed `.replaying-<pid>` (a rename sets the file's ctime); now if it is gone meanwhile. */
function claimedAt(file: string): number {
  try {
    return fs.statSync(file).ctimeMs;
  } catch {
    return Date.now();
  }
}

/**
 * Makes renames and new files in the directory durable. Asynchronous: an fsync waits on the disk
 * (milliseconds, more while PostgreSQL's WAL is being flushed), and the replayer's turns make several;
 * done on the event loop they held up every request for as long.
 */
async function syncDir(dir: string): Promise<void> {
  const handle = await fs.promises.open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
