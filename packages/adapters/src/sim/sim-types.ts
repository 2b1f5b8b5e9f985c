import type { Rng } from "@lathe/core";

/** The value types a sim task field can hold. */
export type SimFieldType = "string" | "number" | "boolean" | "enum" | "string[]";

/** A task field as plain data: enough to build a signature or a JSON schema from. */
export interface SimField {
  readonly name: string;
  readonly type: SimFieldType;
  readonly description: string;
  /** The allowed values of an `enum` field. */
  readonly values?: readonly string[];
}

/** Field values by name, as they appear in examples and predictions. */
export type SimValues = Readonly<Record<string, unknown>>;

/** A dataset row: the input, output (and intermediate) fields plus a stable `id`. */
export type SimExample = SimValues & { readonly id: string };

/**
 * A hidden rule of a task: a trigger on the input, the correct behaviour, and the systematic
 * wrong default a model falls into when it does not know the rule.
 */
export interface SimRule {
  readonly id: string;
  /** `common` rules show up in 20–40% of examples, `rare` ones in 5–10%. */
  readonly kind: "common" | "rare";
  /** Share of generated examples whose input triggers the rule. */
  readonly rate: number;
  readonly trigger: string;
  readonly correct: string;
  readonly wrongDefault: string;
  /** Canonical instruction sentences; every one is recognised by `mentionsRule`. */
  readonly sentences: readonly string[];
  /**
   * Groups of key terms: a text mentions the rule when one window of two sentences holds a term
   * of every group. Terms are matched case-insensitively on word boundaries.
   */
  readonly keyTerms: readonly (readonly string[])[];
  /** A descriptive clause for dataset observations; also recognised by `mentionsRule`. */
  readonly observation: string;
  /** The output fields whose value the rule decides. */
  readonly fields: readonly string[];
  /** Prior knowledge per model id, overriding the model profile's default for this rule. */
  readonly priors?: Readonly<Record<string, number>>;
  applies(inputs: SimValues): boolean;
}

/** One LM call of a task: a task with a single predictor has one stage, a pipeline several. */
export interface SimStage {
  readonly name: string;
  readonly instruction: string;
  readonly inputs: readonly SimField[];
  readonly outputs: readonly SimField[];
  readonly rules: readonly SimRule[];
  /** Random-error rate relative to the model's. @default 1 */
  readonly errorScale?: number;
  /** What a model answers when it knows exactly the rules `knows` accepts. */
  respond(inputs: SimValues, knows: (ruleId: string) => boolean): SimValues;
  /** The correct outputs, or undefined when the inputs are too incomplete to tell. */
  label(inputs: SimValues): SimValues | undefined;
  /** A plausible careless mistake on one field. */
  perturb(outputs: SimValues, inputs: SimValues, rng: Rng): SimValues;
  /** One sentence restating the input, for chain-of-thought text. */
  describe(inputs: SimValues): string;
}

/** A metric result: a score in [0, 1] and, below 1, feedback naming what went wrong. */
export interface SimScore {
  readonly score: number;
  readonly feedback?: string;
}

/** A simulated task: fields, hidden rules, a seeded example generator and a metric. */
export interface SimTask {
  readonly name: string;
  /** What the examples are, as a noun phrase ("support tickets routed to a queue"). */
  readonly description: string;
  /** The base instruction: states the task and mentions none of the hidden rules. */
  readonly instruction: string;
  /** Who would write the instruction, with its article, for persona tips ("a support operations lead"). */
  readonly persona: string;
  /** The program's inputs and final outputs. */
  readonly inputs: readonly SimField[];
  readonly outputs: readonly SimField[];
  /** Labelled intermediate fields rows carry (the gold search query of a two-step task). */
  readonly intermediate: readonly SimField[];
  readonly stages: readonly SimStage[];
  readonly rules: readonly SimRule[];
  /** Words that identify the task in free text (teacher mode). */
  readonly keywords: readonly string[];
  /** One example's input, output and intermediate values. */
  generateExample(rng: Rng): SimValues;
  /** Compares a prediction with an example's outputs (partial credit per field). */
  score(example: SimValues, prediction: SimValues): SimScore;
}
