import { describe, expect, it } from "vitest";
import { errorPayload } from "@/lib/http/errorPayload";
import { isForeignKeyViolation } from "@/lib/http/foreignKeyViolation";

const pgViolation = () =>
  Object.assign(new Error('insert or update on table "ErrorComment" violates foreign key constraint "ErrorComment_groupId_fkey"'), { code: "23503" });

describe("isForeignKeyViolation", () => {
  it("recognises PostgreSQL's and Prisma's forms, also as a cause", () => {
    expect(isForeignKeyViolation(pgViolation())).toBe(true);
    expect(isForeignKeyViolation(Object.assign(new Error("Foreign key constraint violated on the constraint: `ErrorGroup_projectId_fkey`"), { code: "P2003" }))).toBe(true);
    expect(isForeignKeyViolation(new Error("wrapped", { cause: pgViolation() }))).toBe(true);
  });

  it("leaves other errors alone", () => {
    expect(isForeignKeyViolation(Object.assign(new Error("duplicate key"), { code: "23505" }))).toBe(false);
    expect(isForeignKeyViolation(new Error("boom"))).toBe(false);
    expect(isForeignKeyViolation(null)).toBe(false);
  });
});

describe("errorPayload of a write against a row deleted meanwhile", () => {
  it("is the 404 the request would have had a moment later, never a 500", () => {
    const payload = errorPayload(pgViolation());
    expect(payload.status).toBe(404);
    expect(payload.body.error.code).toBe("not_found");
    // No internals: neither the table nor the constraint is named.
    expect(JSON.stringify(payload.body)).not.toMatch(/ErrorComment|fkey/);
  });
});
