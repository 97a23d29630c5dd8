import { describe, expect, it } from "vitest";
import { withoutElixirTerms } from "@/lib/grouping/message/elixirTerms";
import { normaliseMessage } from "@/lib/grouping/message/normaliseMessage";

describe("withoutElixirTerms", () => {
  it("reduces maps, structs, Erlang maps and opaque values to their kind", () => {
    expect(withoutElixirTerms("key :currency not found in: %{id: 42, lines: [%{sku: \"A-1\"}], status: :draft}")).toBe("key :currency not found in: %{…}");
    expect(withoutElixirTerms("no function clause matching in apply/2 with %MyApp.Sync.Ledger{balance: 98200, entries: 412}")).toBe(
      "no function clause matching in apply/2 with %MyApp.Sync.Ledger{…}",
    );
    expect(withoutElixirTerms("bad state %__MODULE__{step: 2}")).toBe("bad state %__MODULE__{…}");
    expect(withoutElixirTerms("bad term #{<<\"id\">> => 42, status => draft}")).toBe("bad term #{…}");
    expect(
      withoutElixirTerms(
        'no match of right hand side value: {:error, #Ecto.Changeset<action: :insert, changes: %{email: "zoe@example.org"}, errors: [email: {"has already been taken", [constraint: :unique]}], data: #MyApp.Accounts.User<>, valid?: false, ...>}',
      ),
    ).toBe("no match of right hand side value: {:error, #Ecto.Changeset<…>}");
    expect(withoutElixirTerms("expected #DateTime<2026-12-07 18:56:51Z> and #MapSet<[1, 2]>")).toBe("expected #DateTime<…> and #MapSet<…>");
  });

  it("reads strings, => and -> inside a value, and nested multi-line values", () => {
    expect(withoutElixirTerms('got %{"}" => "{", "a->b" => #Foo<x: "y>">} here')).toBe("got %{…} here");
    expect(withoutElixirTerms("key :id not found in:\n\n    %{\n      name: \"Zoë\",\n      tags: %{a: 1}\n    }\n")).toBe("key :id not found in:\n\n    %{…}\n");
    expect(withoutElixirTerms("got #Ecto.Changeset<action: nil, changes: %{a: <<1, 2>>}, valid?: true>")).toBe("got #Ecto.Changeset<…>");
  });

  it("keeps what names the bug, and pids and references (only numbers) to the parameteriser", () => {
    for (const text of [
      "no match of right hand side value: {:error, :timeout}",
      "GenServer #PID<0.4512.0> terminating: ** (stop) :upstream_unreachable",
      "ref #Reference<0.1.2.3> unknown",
      "fun #Function<12.3456/1 in MyApp.run/1> crashed",
      "50% {not a map",
      "an unclosed %{id: 42, status: :dra",
    ]) {
      expect(withoutElixirTerms(text)).toBe(text);
    }
    expect(withoutElixirTerms("%{a: 1} then %{b: [unclosed")).toBe("%{…} then %{b: [unclosed");
  });
});

describe("normaliseMessage: Elixir values", () => {
  const msg = (m: string, language: "elixir" | "ruby" = "elixir") => normaliseMessage("KeyError", m, language);

  it("makes one message of the same error on other data", () => {
    const draft = msg("key :currency not found in: %{id: 42, total: 1990, status: :draft}");
    expect(msg("key :currency not found in: %{id: 97, total: 500, status: :paid}")).toBe(draft);
    expect(msg("key :currency not found in: %{id: 3, total: 0, status: :draft, note: nil}")).toBe(draft);
    expect(msg("key :amount not found in: %{id: 42, total: 1990, status: :draft}")).not.toBe(draft);
    // Pids and references were one already.
    expect(msg("GenServer #PID<0.4512.0> terminating")).toBe(msg("GenServer #PID<0.9977.0> terminating"));
  });

  it("reads Elixir values in Elixir events only (Ruby's %{name} is a format)", () => {
    expect(msg("translation missing: %{key} for %{locale}", "ruby")).toBe("translation missing: %{key} for %{locale}");
    expect(normaliseMessage("KeyError", "key :currency not found in: %{status: :draft}", "elixir", true)).toBe("key :currency not found in: %{status: :draft}");
  });
});
