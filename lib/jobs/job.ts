/**
 * A background job: `run` is called every `intervalMs` (measured from the end of the previous run,
 * so a run never overlaps itself), on one instance at a time: the scheduler takes the job's
 * PostgreSQL advisory lock first and skips the turn when another instance holds it.
 * `intervalMs` 0 disables the job on this instance.
 */
export interface Job {
  name: string;
  intervalMs: number;
  run(now: Date): Promise<void>;
}
