import { ChainOfThought } from "../modules/chain-of-thought.js";
import { Module } from "../modules/module.js";
import { Predict, type PredictConfig } from "../modules/predict.js";
import type { Settings } from "../settings/settings.js";
import type { AnySignature, InferInputs, InferOutputs } from "../signatures/signature.js";
import { assertWholeNumber } from "./check-option.js";
import {
  type ExtractSignature,
  extractSignature,
  type ReActTurnSignature,
  turnSignature,
} from "./react-signatures.js";
import { pickFields } from "./render-fields.js";
import { runAsProgram } from "./run-as-program.js";
import { runTool } from "./run-tool.js";
import type { Tool } from "./tool.js";
import { type ReActStep, renderTrajectory } from "./trajectory.js";

export interface ReActOptions {
  /** Declared with `tool({ name, description, parameters, execute })`. */
  readonly tools: readonly Tool[];
  /** Agent turns at most (tool calls plus the `finish` turn) before extraction. @default 8 */
  readonly maxSteps?: number;
  /** Settings for the inner predictors (e.g. their own `lm`). */
  readonly config?: PredictConfig;
}

export interface ReActRun<O> {
  readonly outputs: O;
  /** The extraction step's reasoning. */
  readonly reasoning: string;
  readonly trajectory: readonly ReActStep[];
  /** The agent called `finish`; false when it ran out of steps. */
  readonly finished: boolean;
}

const FINISH = "finish";

/**
 * A tool-using agent: up to `maxSteps` turns of thought / tool / JSON arguments / observation
 * (predictor `react`), then a ChainOfThought over the trajectory writes the signature's
 * outputs (predictor `extract.predict`). Tool failures become observations, never exceptions.
 */
export class ReAct<S extends AnySignature> extends Module<InferInputs<S>, InferOutputs<S>> {
  readonly react: Predict<ReActTurnSignature<S>>;
  readonly extract: ChainOfThought<ExtractSignature<S>>;
  readonly maxSteps: number;
  private readonly tools: ReadonlyMap<string, Tool>;
  private readonly task: S;

  constructor(signature: S, options: ReActOptions) {
    super();
    this.maxSteps = options.maxSteps ?? 8;
    assertWholeNumber("ReAct", "maxSteps", this.maxSteps, 1);
    this.tools = toolMap(options.tools);
    this.task = signature;
    this.react = new Predict(turnSignature(signature, [...this.tools.values()]), options.config);
    this.extract = new ChainOfThought(extractSignature(signature), options.config);
  }

  override get inputFields(): readonly string[] {
    return this.task.inputFields.map((field) => field.name);
  }

  override async forward(inputs: InferInputs<S>): Promise<InferOutputs<S>> {
    return (await this.act(inputs)).outputs;
  }

  /** Like `call`, returning the trajectory and the extraction's reasoning beside the outputs. */
  run(inputs: InferInputs<S>, settings?: Settings): Promise<ReActRun<InferOutputs<S>>> {
    return runAsProgram(this, settings, () => this.act(inputs));
  }

  private async act(inputs: InferInputs<S>): Promise<ReActRun<InferOutputs<S>>> {
    const trajectory: ReActStep[] = [];
    let finished = false;
    while (!finished && trajectory.length < this.maxSteps) {
      const turn = await this.react.call({ ...inputs, trajectory: renderTrajectory(trajectory) });
      const step = { thought: turn.next_thought, tool: turn.next_tool_name, args: turn.next_tool_args };
      finished = step.tool.trim() === FINISH;
      const outcome = finished
        ? { observation: "Completed.", failed: false }
        : await runTool(this.tools, step.tool, step.args);
      trajectory.push({ ...step, ...outcome });
    }
    const extracted: Readonly<Record<string, unknown>> = await this.extract.call({
      ...inputs,
      trajectory: renderTrajectory(trajectory),
    });
    const outputs = pickFields<InferOutputs<S>>(this.task.outputFields, extracted);
    return { outputs, reasoning: String(extracted.reasoning), trajectory, finished };
  }
}

function toolMap(tools: readonly Tool[]): ReadonlyMap<string, Tool> {
  const map = new Map<string, Tool>();
  for (const tool of tools) {
    if (tool.name === FINISH) throw new TypeError("ReAct provides the 'finish' tool itself; rename yours");
    if (map.has(tool.name)) throw new TypeError(`ReAct was given two tools named '${tool.name}'`);
    map.set(tool.name, tool);
  }
  return map;
}
