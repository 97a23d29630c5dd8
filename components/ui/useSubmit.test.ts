import { describe, expect, it } from "vitest";
import { runSubmit, STAY_BUSY, submitErrorMessage, type SubmitState } from "@/components/ui/useSubmit";
import { ApiRequestError } from "@/lib/client/apiFetch";

/** A form's state as runSubmit leaves it, with every busy / error value it set, in order. */
function form() {
  const log: string[] = [];
  const state: SubmitState & { busy: boolean; error: string | null } = {
    busy: false,
    error: null,
    running: { current: false },
    setBusy: (busy) => {
      state.busy = busy;
      log.push(`busy ${busy}`);
    },
    setError: (error) => {
      state.error = error;
      log.push(`error ${error}`);
    },
  };
  return { state, log };
}

/** A promise the test settles by hand, to look at the form while the request is out. */
function deferred() {
  let resolve!: () => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("submitErrorMessage", () => {
  it("is the error's message — the server's for an ApiRequestError — else the fallback", () => {
    expect(submitErrorMessage(new ApiRequestError(409, "a project with this name exists", { field: "name" }), "could not save")).toBe("a project with this name exists");
    expect(submitErrorMessage(new Error("network down"), "could not save")).toBe("network down");
    expect(submitErrorMessage("a string", "could not save")).toBe("could not save");
    expect(submitErrorMessage(undefined, "could not save")).toBe("could not save");
  });
});

describe("runSubmit", () => {
  it("is busy with the error cleared while the action runs, then not busy", async () => {
    const { state, log } = form();
    state.error = "the last attempt failed";
    const request = deferred();
    const done = runSubmit(state, () => request.promise, "could not save");
    expect(state).toMatchObject({ busy: true, error: null, running: { current: true } });
    request.resolve();
    await done;
    expect(state).toMatchObject({ busy: false, error: null, running: { current: false } });
    expect(log).toEqual(["busy true", "error null", "busy false"]);
  });

  it("shows a thrown error's message, or the fallback, and is no longer busy", async () => {
    const { state } = form();
    await runSubmit(state, () => Promise.reject(new ApiRequestError(400, "name is required")), "could not save");
    expect(state).toMatchObject({ busy: false, error: "name is required", running: { current: false } });
    await runSubmit(state, () => Promise.reject("not an Error"), "could not save");
    expect(state.error).toBe("could not save");
  });

  it("ignores a second submit while the first runs, and takes the next one after it", async () => {
    const { state } = form();
    const first = deferred();
    const calls: string[] = [];
    const running = runSubmit(
      state,
      () => {
        calls.push("first");
        return first.promise;
      },
      "could not save",
    );
    await runSubmit(state, async () => void calls.push("while busy"), "could not save");
    expect(calls).toEqual(["first"]);
    expect(state.busy).toBe(true);
    first.resolve();
    await running;
    await runSubmit(state, async () => void calls.push("after"), "could not save");
    expect(calls).toEqual(["first", "after"]);
  });

  it("stays busy when the action returns STAY_BUSY (the page is going), and refuses further submits", async () => {
    const { state } = form();
    let calls = 0;
    await runSubmit(
      state,
      async () => {
        calls++;
        return STAY_BUSY;
      },
      "could not delete",
    );
    expect(state).toMatchObject({ busy: true, error: null, running: { current: true } });
    await runSubmit(state, async () => void calls++, "could not delete");
    expect(calls).toBe(1);
  });

  it("hands the message to onError instead of the error line (a toast)", async () => {
    const { state } = form();
    const toasts: string[] = [];
    await runSubmit(state, () => Promise.reject(new Error("forbidden")), "could not rename", (message) => toasts.push(message));
    expect(toasts).toEqual(["forbidden"]);
    expect(state).toMatchObject({ busy: false, error: null });
  });
});
