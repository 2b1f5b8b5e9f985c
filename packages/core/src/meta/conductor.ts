import { Module } from "../modules/module.js";
import { Predict, type PredictConfig } from "../modules/predict.js";
import type { Settings } from "../settings/settings.js";
import type { AnySignature, InferInputs, InferOutputs } from "../signatures/signature.js";
import { assertWholeNumber } from "./check-option.js";
import {
  type ConductorSignature,
  conductorSignature,
  type ExpertSignature,
  expertSignature,
  type FinalizeSignature,
  finalizeSignature,
} from "./conductor-signatures.js";
import { type ConductorRound, renderTranscript } from "./conductor-transcript.js";
import { runAsProgram } from "./run-as-program.js";

export interface ConductorOptions {
  /** Conductor turns at most; each may consult one expert. @default 5 */
  readonly maxRounds?: number;
  /** Settings for the inner predictors (e.g. their own `lm`). */
  readonly config?: PredictConfig;
}

export interface ConductorRun<O> {
  readonly outputs: O;
  readonly transcript: readonly ConductorRound[];
  /** The conductor chose `final_answer`; false when it ran out of rounds. */
  readonly finished: boolean;
}

const UNNAMED_EXPERT = "Expert";

/**
 * Meta-prompting (Suzgun & Kalai): a `conductor` predictor breaks the task down and writes
 * self-contained instructions for experts — fresh calls of the `expert` predictor, whose
 * identity and instructions are input fields — checks their answers, and after at most
 * `maxRounds` turns the `finalize` predictor writes the outputs from the transcript.
 */
export class Conductor<S extends AnySignature> extends Module<InferInputs<S>, InferOutputs<S>> {
  readonly conductor: Predict<ConductorSignature<S>>;
  readonly expert: Predict<ExpertSignature>;
  readonly finalize: Predict<FinalizeSignature<S>>;
  readonly maxRounds: number;
  private readonly task: S;

  constructor(signature: S, options: ConductorOptions = {}) {
    super();
    this.maxRounds = options.maxRounds ?? 5;
    assertWholeNumber("Conductor", "maxRounds", this.maxRounds, 1);
    this.task = signature;
    this.conductor = new Predict(conductorSignature(signature), options.config);
    this.expert = new Predict(expertSignature(), options.config);
    this.finalize = new Predict(finalizeSignature(signature), options.config);
  }

  override get inputFields(): readonly string[] {
    return this.task.inputFields.map((field) => field.name);
  }

  override async forward(inputs: InferInputs<S>): Promise<InferOutputs<S>> {
    return (await this.conduct(inputs)).outputs;
  }

  /** Like `call`, returning the full transcript beside the outputs. */
  run(inputs: InferInputs<S>, settings?: Settings): Promise<ConductorRun<InferOutputs<S>>> {
    return runAsProgram(this, settings, () => this.conduct(inputs));
  }

  private async conduct(inputs: InferInputs<S>): Promise<ConductorRun<InferOutputs<S>>> {
    const transcript: ConductorRound[] = [];
    let finished = false;
    while (!finished && transcript.length < this.maxRounds) {
      const turn = await this.conductor.call({ ...inputs, transcript: renderTranscript(transcript) });
      finished = turn.next_action === "final_answer";
      transcript.push(
        finished ? { thought: turn.thought, action: turn.next_action } : await this.consult(turn),
      );
    }
    const outputs = await this.finalize.call({ ...inputs, transcript: renderTranscript(transcript) });
    return { outputs, transcript, finished };
  }

  private async consult(turn: {
    thought: string;
    expert?: string;
    instructions?: string;
  }): Promise<ConductorRound> {
    const expert = turn.expert?.trim() || UNNAMED_EXPERT;
    const instructions = turn.instructions?.trim() ?? "";
    const round = { thought: turn.thought, action: "consult_expert" as const, expert, instructions };
    if (instructions === "") {
      return { ...round, response: "(not consulted: write the expert's instructions in `instructions`)" };
    }
    const { response } = await this.expert.call({ expert, instructions });
    return { ...round, response };
  }
}
