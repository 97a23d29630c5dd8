import { describe, expect, it } from "vitest";
import { normaliseMessage } from "@/lib/grouping/message/normaliseMessage";
import { rustPanicKey } from "@/lib/grouping/message/rustPanicKey";

const key = (message: string, type = "panic") => rustPanicKey(type, normaliseMessage(type, message, "rust"));

describe("rustPanicKey", () => {
  it("keys a panic on its message: an unwrap on Err and an overflow are apart", () => {
    expect(key("attempt to subtract with overflow")).toBe("panic:attempt to subtract with overflow");
    expect(key("called `Option::unwrap()` on a `None` value")).not.toBe(key("attempt to subtract with overflow"));
    expect(key("index out of bounds: the len is 3 but the index is 3")).toBe(key("index out of bounds: the len is 5 but the index is 7"));
  });

  it("reduces an Err value's Debug output to its type: the fields vary with the input", () => {
    expect(key("called `Result::unwrap()` on an `Err` value: ParseIntError { kind: InvalidDigit }")).toBe(key("called `Result::unwrap()` on an `Err` value: ParseIntError { kind: Empty }"));
    expect(key('rates table: Os { code: 2, kind: NotFound, message: "No such file or directory" }')).toBe("panic:rates table: Os");
    expect(key('load: reqwest::Error { kind: Request, source: hyper::Error(Connect, "refused") }')).toBe("panic:load: reqwest::Error");
    expect(key("called `Result::unwrap()` on an `Err` value: Io(Custom { kind: Other })")).toBe(key("called `Result::unwrap()` on an `Err` value: Io(Os { code: 5 })"));
    expect(key("called `Result::unwrap()` on an `Err` value: ParseIntError { kind: Empty }")).not.toBe(key("called `Result::unwrap()` on an `Err` value: ParseFloatError { kind: Empty }"));
  });

  it("reads the first line: assert_eq! prints the values below it", () => {
    expect(key("assertion `left == right` failed\n  left: Some(Order { id: 3 })\n right: None")).toBe(key("assertion `left == right` failed\n  left: 1\n right: 2"));
  });

  it("leaves other types and empty messages unkeyed", () => {
    expect(key("failed to load config", "std::io::Error")).toBeUndefined();
    expect(key("")).toBeUndefined();
  });
});
