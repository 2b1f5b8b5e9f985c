import { describe, expect, it } from "vitest";
import { Conductor, MockLanguageModel, signature, traced, withSettings } from "../../src/index.js";
import { askedFor, callSequence, inputValue, reply, sentText } from "./support/scripted.js";

const Puzzle = signature("question: string -> answer: number", "Solve the puzzle.");

type Turn = { action: "consult_expert" | "final_answer"; expert?: string; instructions?: string };

/** The conductor plays `turns` (the last repeats); experts answer `response to <instructions>`. */
function conductorModel(turns: Turn[]) {
  let turn = 0;
  return new MockLanguageModel({
    responses: (request) => {
      const asked = askedFor(request)[0];
      if (asked === "response")
        return reply({ response: `response to ${inputValue(request, "instructions")}` });
      if (asked === "answer") return reply({ answer: 51 });
      const next = turns[Math.min(turn, turns.length - 1)]!;
      turn++;
      const { action, ...rest } = next;
      return reply({ thought: `thought ${turn}`, next_action: action, ...rest });
    },
  });
}

const consult = (expert: string, instructions: string): Turn => ({
  action: "consult_expert",
  expert,
  instructions,
});

describe("Conductor", () => {
  it("delegates to experts by instruction, checks, finishes, and returns the transcript", async () => {
    const lm = conductorModel([
      consult("Expert Mathematician", "Compute 17 * 3."),
      consult("Expert Verifier", "Check that 17 * 3 = 51."),
      { action: "final_answer" },
    ]);
    const run = await new Conductor(Puzzle).run({ question: "Three crates of 17 apples?" }, { lm });

    expect(callSequence(lm.calls)).toEqual([
      "thought",
      "response",
      "thought",
      "response",
      "thought",
      "answer",
    ]);
    const expertRequest = lm.calls[1]!;
    expect(inputValue(expertRequest, "expert")).toBe("Expert Mathematician");
    expect(inputValue(expertRequest, "instructions")).toBe("Compute 17 * 3.");
    expect(sentText(expertRequest)).not.toContain("Three crates"); // experts see only their instructions
    expect(inputValue(lm.calls[2], "transcript")).toContain(
      "Expert Mathematician answered:\nresponse to Compute 17 * 3.",
    );
    expect(inputValue(lm.calls[5], "transcript")).toContain("Conductor: thought 3");
    expect(run.outputs).toEqual({ answer: 51 });
    expect(run.finished).toBe(true);
    expect(run.transcript).toEqual([
      {
        thought: "thought 1",
        action: "consult_expert",
        expert: "Expert Mathematician",
        instructions: "Compute 17 * 3.",
        response: "response to Compute 17 * 3.",
      },
      {
        thought: "thought 2",
        action: "consult_expert",
        expert: "Expert Verifier",
        instructions: "Check that 17 * 3 = 51.",
        response: "response to Check that 17 * 3 = 51.",
      },
      { thought: "thought 3", action: "final_answer" },
    ]);
  });

  it("stops after maxRounds conductor turns and still writes the final answer", async () => {
    const lm = conductorModel([consult("Expert Poet", "Write a line.")]);
    const run = await new Conductor(Puzzle, { maxRounds: 2 }).run({ question: "q" }, { lm });
    expect(callSequence(lm.calls)).toEqual(["thought", "response", "thought", "response", "answer"]);
    expect(run.finished).toBe(false);
    expect(run.transcript).toHaveLength(2);
  });

  it("consults no expert when the conductor writes no instructions, and says so in the transcript", async () => {
    const lm = conductorModel([
      { action: "consult_expert", expert: "Expert Chemist" },
      { action: "final_answer" },
    ]);
    const run = await new Conductor(Puzzle).run({ question: "q" }, { lm });
    expect(callSequence(lm.calls)).toEqual(["thought", "thought", "answer"]);
    expect(run.transcript[0]!.response).toMatch(/not consulted/);
    expect(inputValue(lm.calls[1], "transcript")).toContain("not consulted");
  });

  it("exposes conductor, expert and finalize to optimizers and traces each call", async () => {
    const conductor = new Conductor(Puzzle);
    expect(conductor.namedPredictors().map(([path]) => path)).toEqual(["conductor", "expert", "finalize"]);
    expect(conductor.inputFields).toEqual(["question"]);
    const lm = conductorModel([consult("Expert", "Do it."), { action: "final_answer" }]);
    const { result, trace } = await traced(() =>
      withSettings({ lm }, () => conductor.call({ question: "q" })),
    );
    expect(result).toEqual({ answer: 51 });
    expect(trace.map((entry) => entry.path)).toEqual(["conductor", "expert", "conductor", "finalize"]);
  });
});
