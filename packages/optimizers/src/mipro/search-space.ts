import type { ProgramState } from "@lathe/core";
import type { DemoCandidate } from "./demo-candidates.js";
import type { InstructionCandidate } from "./grounded-proposer.js";
import type { CategoricalSpace, Configuration } from "./tpe-sampler.js";

/** What the search chooses from, per predictor path. */
export interface SearchSpace {
  readonly paths: readonly string[];
  readonly instructions: Readonly<Record<string, readonly InstructionCandidate[]>>;
  /** Demo-set candidates; `undefined` in zero-shot mode, where every predictor has no demos. */
  readonly demoSets: readonly DemoCandidate[] | undefined;
}

/** A configuration as the report shows it: candidate indices per predictor path. */
export type Choice = Readonly<
  Record<string, { readonly instruction: number; readonly demos: number | null }>
>;

export function parameterName(path: string, kind: "instruction" | "demos"): string {
  return `${path}:${kind}`;
}

/** The TPE's space: every (predictor, instruction|demos) with more than one candidate. */
export function categoricalSpace(space: SearchSpace): CategoricalSpace {
  const parameters: Record<string, number> = {};
  for (const path of space.paths) {
    const instructions = space.instructions[path]?.length ?? 1;
    if (instructions > 1) parameters[parameterName(path, "instruction")] = instructions;
    const demoSets = space.demoSets?.length ?? 1;
    if (demoSets > 1) parameters[parameterName(path, "demos")] = demoSets;
  }
  return parameters;
}

/** Reads a sampler configuration (parameters missing from it take candidate 0). */
export function choiceOf(space: SearchSpace, configuration: Configuration): Choice {
  return Object.fromEntries(
    space.paths.map((path) => [
      path,
      {
        instruction: configuration[parameterName(path, "instruction")] ?? 0,
        demos: space.demoSets ? (configuration[parameterName(path, "demos")] ?? 0) : null,
      },
    ]),
  );
}

/** The sampler configuration of a choice, restricted to the parameters of the space. */
export function configurationOf(space: SearchSpace, choice: Choice): Configuration {
  const parameters = categoricalSpace(space);
  const configuration: Record<string, number> = {};
  for (const path of space.paths) {
    const instruction = parameterName(path, "instruction");
    if (instruction in parameters) configuration[instruction] = choice[path]!.instruction;
    const demos = parameterName(path, "demos");
    if (demos in parameters) configuration[demos] = choice[path]!.demos ?? 0;
  }
  return configuration;
}

/** Candidate 0 everywhere: original instructions with the first demo set (current demos, else none). */
export function defaultChoice(space: SearchSpace): Choice {
  return choiceOf(space, {});
}

/** A stable identity for a choice. */
export function choiceKey(choice: Choice): string {
  return JSON.stringify(
    Object.keys(choice).map((path) => [path, choice[path]!.instruction, choice[path]!.demos]),
  );
}

/** The program state a choice stands for. */
export function stateOf(space: SearchSpace, choice: Choice): ProgramState {
  return Object.fromEntries(
    space.paths.map((path) => {
      const { instruction, demos } = choice[path]!;
      const demoState = demos === null ? undefined : space.demoSets![demos]!.state[path];
      return [
        path,
        {
          instructions: space.instructions[path]![instruction]!.instruction,
          demos: demoState ? demoState.demos : [],
        },
      ];
    }),
  );
}

/** e.g. "self: instruction 3 (persona), demos 2 (bootstrap (unshuffled, 4 demos))". */
export function choiceLabel(space: SearchSpace, choice: Choice): string {
  return space.paths
    .map((path) => {
      const { instruction, demos } = choice[path]!;
      const tip = space.instructions[path]![instruction]!.tip;
      const instructionText =
        instruction === 0 ? "original instruction" : `instruction ${instruction}${tip ? ` (${tip})` : ""}`;
      const demosText = demos === null ? "no demos" : `demos ${demos} (${space.demoSets![demos]!.label})`;
      return `${path}: ${instructionText}, ${demosText}`;
    })
    .join("; ");
}
