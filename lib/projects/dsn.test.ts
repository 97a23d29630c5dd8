import { describe, expect, it } from "vitest";
import { projectDsn } from "@/lib/projects/dsn";

describe("projectDsn (creation, reveal, the settings' examples)", () => {
  it("puts the key in the origin's userinfo and the project's numeric id in the path", () => {
    expect(projectDsn("http://127.0.0.1:3000", "0123abcd", 7)).toBe("http://0123abcd@127.0.0.1:3000/7");
    // PUBLIC_URL with a default port and a trailing path: the origin's scheme and host only.
    expect(projectDsn("https://errors.example.com:443/faultline/", "0123abcd", 12)).toBe("https://0123abcd@errors.example.com/12");
  });
});
