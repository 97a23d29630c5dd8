import { describe, expect, it } from "vitest";
import { isLoggedMessage, issueTitle, issueTitleParts, LOGGED_MESSAGE_TYPE } from "@/lib/domain/issueTitle";

describe("issue titles", () => {
  it("name an exception by its type and message", () => {
    expect(issueTitle({ type: "TypeError", message: "x is undefined" })).toBe("TypeError: x is undefined");
    expect(issueTitleParts({ type: "TypeError", message: "x is undefined" })).toEqual({ type: "TypeError", message: "x is undefined" });
    expect(issueTitle({ type: "KeyError", message: "" })).toBe("KeyError");
  });

  it("name a logged message by its text alone, and by its type only when the text is empty", () => {
    expect(issueTitle({ type: LOGGED_MESSAGE_TYPE, message: "Payment provider slow" })).toBe("Payment provider slow");
    expect(issueTitleParts({ type: LOGGED_MESSAGE_TYPE, message: "Payment provider slow" })).toEqual({ type: null, message: "Payment provider slow" });
    expect(issueTitle({ type: LOGGED_MESSAGE_TYPE, message: " \n " })).toBe("Message");
    expect(isLoggedMessage({ type: LOGGED_MESSAGE_TYPE, message: "Payment provider slow" })).toBe(true);
    expect(isLoggedMessage({ type: LOGGED_MESSAGE_TYPE, message: " \n " })).toBe(false);
    expect(isLoggedMessage({ type: "TypeError", message: "x" })).toBe(false);
    // An exception class that happens to be called Message elsewhere would still read as its text: the
    // type is what the Sentry mapping gives logged messages, and nothing else produces it.
  });

  it("put a multi-line message on one line and clip it with an ellipsis", () => {
    expect(issueTitle({ type: "ValueError", message: "bad value\n  in field 'amount'" })).toBe("ValueError: bad value in field 'amount'");
    const long = issueTitle({ type: "Error", message: "x".repeat(500) }, 100);
    expect(long).toHaveLength(100);
    expect(long.endsWith("…")).toBe(true);
    expect(issueTitle({ type: "Error", message: "short" }, 100)).toBe("Error: short");
  });
});
