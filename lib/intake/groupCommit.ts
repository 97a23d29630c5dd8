import type { PreparedEvent } from "@/lib/ingest/prepareEvent";
import type { StoreOptions, StoreOutcome, StoreTarget } from "@/lib/ingest/storeEvents";

export interface GroupCommitOptions {
  /** The longest a write waits for others to join its transaction while one is already being committed. */
  maxWaitMs: number;
  /** A transaction takes writes up to this many events (always at least one write). */
  maxEvents: number;
  /** Transactions in flight at once. */
  maxConcurrent: number;
}

/** One request's events of one project. */
export interface PendingWrite {
  target: StoreTarget;
  events: PreparedEvent[];
  options?: StoreOptions;
}

export interface GroupCommitDeps {
  /** Commits all writes in ONE transaction; outcomes in the writes' order. */
  commitTogether(writes: PendingWrite[]): Promise<StoreOutcome[]>;
  /** Commits one write in its own transaction (the fallback when a shared one failed). */
  commitAlone(write: PendingWrite): Promise<StoreOutcome>;
  /** Called once per project per committed transaction, before the writers are answered. */
  onCommitted(target: StoreTarget, events: PreparedEvent[], outcome: StoreOutcome): void;
  /**
   * True when a failure means the database cannot take writes at all (down, frozen past its
   * deadline): then no write is retried alone, and every write waiting is failed with it at once,
   * so that each goes where its caller puts it (the spool) instead of waiting out a deadline in turn.
   */
  isUnavailable?(error: unknown): boolean;
}

interface Queued extends PendingWrite {
  enqueuedAt: number;
  resolve(outcome: StoreOutcome): void;
  reject(error: unknown): void;
}

/**
 * Group commit: concurrent requests' events are written in one transaction instead of one each.
 * A write that arrives while nothing is being committed goes at once (no added latency when idle);
 * while transactions are in flight, writes gather for at most `maxWaitMs` or until `maxEvents`, and
 * a finished transaction takes everything waiting. Each writer's promise resolves once the
 * transaction holding its events has committed. When a shared transaction fails, each of its writes
 * is retried in a transaction of its own, so one bad event fails only its own request — unless the
 * database is unavailable (`isUnavailable`): then it and every waiting write fail together.
 */
export class GroupCommit {
  private queue: Queued[] = [];
  private queuedEvents = 0;
  private inFlight = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly deps: GroupCommitDeps,
    private readonly options: GroupCommitOptions,
  ) {}

  write(target: StoreTarget, events: PreparedEvent[], options?: StoreOptions): Promise<StoreOutcome> {
    return new Promise<StoreOutcome>((resolve, reject) => {
      this.queue.push({ target, events, options, enqueuedAt: performance.now(), resolve, reject });
      this.queuedEvents += events.length;
      this.pump();
    });
  }

  /** Requests waiting for a transaction (not yet in one). */
  waitingWrites(): number {
    return this.queue.length;
  }

  private pump(): void {
    while (this.queue.length > 0 && this.inFlight < this.options.maxConcurrent) {
      const waited = performance.now() - this.queue[0].enqueuedAt;
      if (this.inFlight > 0 && this.queuedEvents < this.options.maxEvents && waited < this.options.maxWaitMs) {
        this.timer ??= setTimeout(() => {
          this.timer = null;
          this.pump();
        }, Math.max(0, this.options.maxWaitMs - waited));
        return;
      }
      this.flush(this.take());
    }
  }

  /** Every waiting write, taken off the queue. */
  private drain(): Queued[] {
    this.queuedEvents = 0;
    return this.queue.splice(0);
  }

  private take(): Queued[] {
    let events = 0;
    let n = 0;
    while (n < this.queue.length && (n === 0 || events + this.queue[n].events.length <= this.options.maxEvents)) events += this.queue[n++].events.length;
    this.queuedEvents -= events;
    return this.queue.splice(0, n);
  }

  private flush(writes: Queued[]): void {
    this.inFlight++;
    let done = false;
    const finished = () => {
      if (done) return;
      done = true;
      this.inFlight--;
      this.pump();
    };
    this.commit(writes, finished).finally(finished);
  }

  private async commit(writes: Queued[], finished: () => void): Promise<void> {
    let outcomes: StoreOutcome[];
    try {
      outcomes = await this.deps.commitTogether(writes);
    } catch (error) {
      if (this.deps.isUnavailable?.(error)) {
        for (const write of [...writes, ...this.drain()]) write.reject(error);
        return;
      }
      if (writes.length === 1) return writes[0].reject(error);
      for (const write of writes) await this.commitAlone(write);
      return;
    }
    this.announce(writes, outcomes);
    // The next transaction goes out before the writers hear back: answering them is a socket write
    // each, and the next transaction's first round trip would otherwise wait behind all of them.
    finished();
    setImmediate(() => writes.forEach((write, i) => write.resolve(outcomes[i])));
  }

  private async commitAlone(write: Queued): Promise<void> {
    try {
      const outcome = await this.deps.commitAlone(write);
      this.announce([write], [outcome]);
      write.resolve(outcome);
    } catch (error) {
      write.reject(error);
    }
  }

  /** One onCommitted per project: its writes' events and outcomes concatenated (none for a project whose events were refused: `projectGone`). */
  private announce(writes: PendingWrite[], outcomes: StoreOutcome[]): void {
    const byProject = new Map<string, { target: StoreTarget; events: PreparedEvent[]; outcome: StoreOutcome }>();
    writes.forEach((write, i) => {
      if (write.events.length === 0 || outcomes[i].projectGone) return;
      const entry = byProject.get(write.target.projectId);
      if (!entry) {
        byProject.set(write.target.projectId, { target: write.target, events: [...write.events], outcome: { ...outcomes[i], results: [...outcomes[i].results] } });
        return;
      }
      entry.events.push(...write.events);
      entry.outcome.results.push(...outcomes[i].results);
      entry.outcome.newGroupIds = union(entry.outcome.newGroupIds, outcomes[i].newGroupIds);
      entry.outcome.regressedGroupIds = union(entry.outcome.regressedGroupIds, outcomes[i].regressedGroupIds);
      entry.outcome.conditionalGroupIds = union(entry.outcome.conditionalGroupIds ?? [], outcomes[i].conditionalGroupIds ?? []);
    });
    for (const { target, events, outcome } of byProject.values()) this.deps.onCommitted(target, events, outcome);
  }
}

function union(a: string[], b: string[]): string[] {
  return b.length === 0 ? a : [...new Set([...a, ...b])];
}
