import { type AxGen, ax, axGlobals } from "@ax-llm/ax";
import { type SimTaskName, simTasks } from "@lathe/adapters";
import { type Example, type Module, type NormalizedScore, normalizeMetricResult, Predict } from "@lathe/core";
import { ExtractMeeting } from "../../examples/extraction/program.js";
import { SolveWordProblem } from "../../examples/math/program.js";
import { Triage, triageFeedback } from "../../examples/triage/program.js";

/** A sim task as both frameworks write it: the same instruction, fields and metric. */
export interface BenchTask {
  readonly name: SimTaskName;
  readonly instruction: string;
  /** A fresh Lathe program (one `Predict`). */
  readonly lathe: () => Module;
  /** A fresh Ax program with the same fields and instruction. */
  readonly ax: () => AxGen;
  /** Score in [0, 1] and feedback naming wrong fields; both frameworks use exactly this. */
  readonly score: (example: Example, prediction: Record<string, unknown>) => NormalizedScore;
}

function axProgram(signatureText: string, instruction: string): () => AxGen {
  return () => {
    const program = ax(signatureText) as unknown as AxGen;
    program.setInstruction(instruction);
    return program;
  };
}

export const benchTasks: Record<"triage" | "word-problems" | "meeting-extraction", BenchTask> = {
  triage: {
    name: "ticket-triage",
    instruction: Triage.instructions,
    lathe: () => new Predict(Triage),
    ax: axProgram(
      `ticket:string "the customer's message" -> queue:class "billing, technical, account" "the team that should handle the ticket", urgent:boolean "whether the ticket needs attention today"`,
      Triage.instructions,
    ),
    score: (example, prediction) => normalizeMetricResult(triageFeedback(example, prediction)),
  },
  "word-problems": {
    name: "word-problems",
    instruction: SolveWordProblem.instructions,
    lathe: () => new Predict(SolveWordProblem),
    ax: axProgram(
      `problem:string "a short arithmetic word problem" -> answer:number "the final numeric answer"`,
      SolveWordProblem.instructions,
    ),
    score: (example, prediction) => simTasks["word-problems"].score(example, prediction),
  },
  "meeting-extraction": {
    name: "meeting-extraction",
    instruction: ExtractMeeting.instructions,
    lathe: () => new Predict(ExtractMeeting),
    // Ax refuses the field name `date` as "too generic" unless its global strict mode is off.
    ax: () => {
      axGlobals.signatureStrict = false;
      return axProgram(
        `email:string "an email that sets up a meeting", sent_date:string "the date the email was sent (YYYY-MM-DD)" -> organizer:string "full name of the person who wants the meeting", date:string "the meeting date as YYYY-MM-DD", attendees:string[] "full names of the people invited to attend"`,
        ExtractMeeting.instructions,
      )();
    },
    score: (example, prediction) => simTasks["meeting-extraction"].score(example, prediction),
  },
};
