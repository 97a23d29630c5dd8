import { describe, expect, it } from "vitest";
import { parseChainText } from "@/lib/grouping/chain/parseChainText";
import { fingerprintChain } from "@/lib/grouping/fingerprintChain";
import { parseStackTrace } from "@/lib/ingest/stacktrace/parseStackTrace";

/** How CPython 3.12 prints an asyncio.TaskGroup whose tasks failed (members in the order given). */
const taskGroup = (...members: string[]) => `  + Exception Group Traceback (most recent call last):
  |   File "/app/worker.py", line 30, in <module>
  |     asyncio.run(main())
  |   File "/usr/lib/python3.12/asyncio/runners.py", line 194, in run
  |     return runner.run(main)
  |   File "/app/worker.py", line 24, in main
  |     async with asyncio.TaskGroup() as tg:
  |   File "/usr/lib/python3.12/asyncio/taskgroups.py", line 145, in __aexit__
  |     raise me from None
  | ExceptionGroup: unhandled errors in a TaskGroup (${members.length} sub-exceptions)
${members.map((m, i) => `${i === 0 ? "  +-+" : "    +"}---------------- ${i + 1} ----------------\n${m}`).join("\n")}
    +------------------------------------`;

const member = (fn: string, line: number, type: string, message: string) => `    | Traceback (most recent call last):
    |   File "/app/worker.py", line ${line}, in ${fn}
    |     raise ${type}(f"bad payload for {item}")
    |     ^^^^^^^^^^^^^^^^^^^^^
    | ${type}: ${message}`;

const fetchFails = (id: string) => member("fetch", 8, "ValueError", `bad payload for ${id}`);
const saveFails = (id: string) => member("save", 15, "KeyError", `'${id}'`);

const summary = (text: string) => parseChainText(text, "python").exceptions.map((e) => [e.type, e.message, e.relation, e.frames.map((f) => f.function)]);
const fingerprint = (text: string) => {
  const chain = parseChainText(text, "python");
  return fingerprintChain({
    language: chain.language,
    exceptions: chain.exceptions.map((e) => ({ type: e.type ?? "ExceptionGroup", message: e.message ?? "", frames: e.frames, relation: e.relation })),
  }).fingerprint;
};

describe("Python exception groups printed as a box", () => {
  it("are the group with its traceback, then each sub-exception with its own", () => {
    expect(summary(taskGroup(fetchFails("u1"), saveFails("u1")))).toEqual([
      ["ExceptionGroup", "unhandled errors in a TaskGroup (2 sub-exceptions)", "raised", ["<module>", "run", "main", "__aexit__"]],
      ["KeyError", "'u1'", "member", ["save"]],
      ["ValueError", "bad payload for u1", "member", ["fetch"]],
    ]);
    // Without a platform the boxed lines are still read as Python frames.
    expect(parseStackTrace(taskGroup(fetchFails("u1"))).language).toBe("python");
  });

  it("group the same failures as one issue whatever order the tasks failed in and however many failed alike", () => {
    const base = fingerprint(taskGroup(fetchFails("u1"), saveFails("u1")));
    expect(fingerprint(taskGroup(saveFails("u2"), fetchFails("u2")))).toBe(base);
    expect(fingerprint(taskGroup(fetchFails("u3"), saveFails("u3"), fetchFails("u4")))).toBe(base);
    // Another failing task is another bug; so is a task group whose only failure is one of them.
    expect(fingerprint(taskGroup(fetchFails("u1"), member("notify", 20, "TimeoutError", "smtp")))).not.toBe(base);
    expect(fingerprint(taskGroup(fetchFails("u1")))).not.toBe(base);
    // Before: no frames were read, so every task group of the app was one issue keyed on its message.
    expect(fingerprint(taskGroup(fetchFails("u1")))).not.toBe(fingerprint(taskGroup(saveFails("u1"))));
  });

  it("reads nested groups, members never raised (no traceback), a truncated '...' member, and chains inside and around the group", () => {
    const text = `Traceback (most recent call last):
  File "/app/jobs.py", line 3, in load
    return json.loads(raw)
json.decoder.JSONDecodeError: Expecting value: line 1 column 1 (char 0)

During handling of the above exception, another exception occurred:

  + Exception Group Traceback (most recent call last):
  |   File "/app/jobs.py", line 12, in run
  |     raise ExceptionGroup("batch failed", errors)
  | ExceptionGroup: batch failed (3 sub-exceptions)
  +-+---------------- 1 ----------------
    | ValueError: row 7
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "/app/jobs.py", line 9, in retry
    | ExceptionGroup: retries exhausted (2 sub-exceptions)
    +-+---------------- 1 ----------------
      | Traceback (most recent call last):
      |   File "/app/db.py", line 4, in connect
      | ConnectionRefusedError: [Errno 111] Connection refused
      | 
      | The above exception was the direct cause of the following exception:
      | 
      | Traceback (most recent call last):
      |   File "/app/jobs.py", line 7, in attempt
      | app.errors.StoreUnavailable: primary down
      +---------------- 2 ----------------
      | Traceback (most recent call last):
      |   File "/app/jobs.py", line 7, in attempt
      | TimeoutError: 5 s
      +------------------------------------
    +---------------- ... ----------------
    | and 4 more exceptions
    +------------------------------------

The above exception was the direct cause of the following exception:

Traceback (most recent call last):
  File "/app/main.py", line 20, in <module>
    raise RuntimeError("nightly import failed") from eg
RuntimeError: nightly import failed`;
    expect(summary(text)).toEqual([
      ["RuntimeError", "nightly import failed", "raised", ["<module>"]],
      ["ExceptionGroup", "batch failed (3 sub-exceptions)", "cause", ["run"]],
      ["ExceptionGroup", "retries exhausted (2 sub-exceptions)", "member", ["retry"]],
      ["TimeoutError", "5 s", "member", ["attempt"]],
      ["ValueError", "row 7", "member", []],
      ["app.errors.StoreUnavailable", "primary down", "member", ["attempt"]],
      ["ConnectionRefusedError", "[Errno 111] Connection refused", "cause", ["connect"]],
      ["json.decoder.JSONDecodeError", "Expecting value: line 1 column 1 (char 0)", "context", ["load"]],
    ]);
  });
});
