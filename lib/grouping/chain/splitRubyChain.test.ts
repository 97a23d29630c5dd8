import { describe, expect, it } from "vitest";
import { splitRubyChain } from "@/lib/grouping/chain/splitRubyChain";
import { runtimeHeader } from "@/lib/grouping/chain/runtimeHeader";
import { groupEvent } from "@/lib/grouping/groupEvent";

describe("Ruby headers", () => {
  it("a message of several lines, the class after its first line or after its last", () => {
    const after = "/srv/app/lib/sync.rb:14:in 'Sync#run': remote refused\nretry later (Sync::Refused)\n\tfrom /srv/app/bin/sync:3:in '<main>'";
    const first = "/srv/app/lib/sync.rb:14:in 'Sync#run': remote refused (Sync::Refused)\nretry later\n\tfrom /srv/app/bin/sync:3:in '<main>'";
    for (const text of [after, first]) {
      const [raised] = splitRubyChain(text);
      expect(raised).toMatchObject({ type: "Sync::Refused", message: "remote refused\nretry later" });
    }
  });

  it("Ruby 2.5–2.7's reverse order: the frames above the header are its own, innermost first", () => {
    const text = "Traceback (most recent call last):\n\t2: from /srv/app/bin/sync:3:in `<main>'\n\t1: from /srv/app/lib/sync.rb:20:in `start'\n/srv/app/lib/sync.rb:14:in `run': remote refused (Sync::Refused)";
    const grouped = groupEvent({ type: "Error", message: "", stackTrace: text });
    expect(grouped.exceptions).toHaveLength(1);
    expect(grouped).toMatchObject({ type: "Sync::Refused", message: "remote refused" });
    expect(grouped.exceptions[0].frames.map((f) => f.function)).toEqual(["<main>", "start", "run"]);
  });

  it("Logger's 'message (Class)' above a backtrace without 'from'", () => {
    const text = "no implicit conversion of nil into String (TypeError)\n/srv/app/app/models/invoice.rb:30:in `+'\n/srv/app/app/models/invoice.rb:30:in `label'";
    expect(runtimeHeader(text, "ruby")).toEqual({ type: "TypeError", message: "no implicit conversion of nil into String" });
    expect(groupEvent({ type: "Error", message: "", stackTrace: text })).toMatchObject({ type: "TypeError" });
  });
});
