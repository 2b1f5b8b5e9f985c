import { signature } from "@lathe/core";
import { describe, expect, it } from "vitest";
import { checkProposal, fieldReferences } from "../../src/reflective/proposal-check.js";

const Summarize = signature("document: string, audience: string -> summary: string");

describe("checkProposal", () => {
  it("finds backticked and templated references to signature fields only", () => {
    expect(
      fieldReferences("Summarize `document` for {audience}; keep `style` and {{ summary }}.", Summarize),
    ).toEqual(["`document`", "{audience}", "{{ summary }}"]);
  });

  it("rejects a rewrite that drops a field reference, naming it", () => {
    const parent = "Summarize the `document` for the `audience`.";
    expect(checkProposal(parent, "Summarize the `document` briefly.", Summarize)).toEqual({
      ok: false,
      instructions: "Summarize the `document` briefly.",
      reason: "the proposal drops field reference(s) `audience` that the current instructions use",
    });
    expect(
      checkProposal(parent, "For the `audience`, summarize the `document` in two lines.", Summarize).ok,
    ).toBe(true);
  });

  it("unwraps code fences and quotes, and rejects empty or unchanged proposals", () => {
    expect(checkProposal("Old.", "```text\nNew instructions.\n```", Summarize)).toEqual({
      ok: true,
      instructions: "New instructions.",
    });
    expect(checkProposal("Old.", '"New instructions."', Summarize)).toMatchObject({
      instructions: "New instructions.",
    });
    expect(checkProposal("Old.", "  ", Summarize)).toMatchObject({
      ok: false,
      reason: "the proposal is empty",
    });
    expect(checkProposal("Old.", "Old.", Summarize)).toMatchObject({
      ok: false,
      reason: "the proposal repeats the current instructions",
    });
  });
});
