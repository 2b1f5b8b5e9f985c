import type { BootstrapFewShotOptions } from "../few-shot/bootstrap-few-shot.js";

/** Preset sizes, as in DSPy's MIPROv2: candidates per predictor and the largest valset used. */
export const MIPRO_AUTO_PRESETS = {
  light: { numCandidates: 6, maxValset: 100 },
  medium: { numCandidates: 12, maxValset: 300 },
  heavy: { numCandidates: 18, maxValset: 1000 },
} as const;

export type MiproAuto = keyof typeof MIPRO_AUTO_PRESETS;

export interface MIPROOptions
  extends Pick<BootstrapFewShotOptions, "maxRounds" | "metricThreshold" | "maxErrors"> {
  /**
   * A preset: `light`, `medium` or `heavy` give 6, 12 or 18 candidates and cap the valset at
   * 100, 300 or 1000 examples (a seeded subsample). Explicit `numCandidates` wins over the preset.
   */
  readonly auto?: MiproAuto;
  /**
   * Instruction candidates per predictor (the original instruction plus `numCandidates - 1`
   * proposals) and demo-set candidates (zero-shot, labeled, unshuffled bootstrap, seeded shuffles).
   * @default 6 (the `light` preset)
   */
  readonly numCandidates?: number;
  /**
   * Minibatch trials of the Bayesian search.
   * @default as DSPy: floor(max(2 · v · log2(numCandidates), 1.5 · numCandidates)), where v is the
   * number of searched variables (2 per predictor: instruction and demos; 1 in zero-shot mode)
   */
  readonly numTrials?: number;
  /** Validation examples per trial. @default 35 */
  readonly minibatchSize?: number;
  /** Every this many trials (and after the last), the best untested configuration gets a full-valset evaluation. @default 5 */
  readonly minibatchFullEvalSteps?: number;
  /** Bootstrapped demos per predictor in a demo-set candidate. @default maxDemos, else 4 */
  readonly maxBootstrappedDemos?: number;
  /** Total demos per predictor (bootstrapped topped up with labeled examples). @default maxDemos, else 4 */
  readonly maxLabeledDemos?: number;
  /**
   * Sets both demo caps at once. `0` is zero-shot mode: the search is over instructions only and
   * the program never sends a demo (the proposer may still be shown training examples).
   */
  readonly maxDemos?: number;
  /** Sampling temperature of instruction proposals. @default 1 */
  readonly initTemperature?: number;
  /** Show the proposer a summary of the training data. @default true */
  readonly dataAware?: boolean;
  /** Show the proposer the program's structure and source, and a description of each module. @default true */
  readonly programAware?: boolean;
  /** Give each proposal a randomly drawn tip (creative, simple, persona, ...). @default true */
  readonly tipAware?: boolean;
  /** Show the proposer a few demos of the task. @default true */
  readonly fewshotAware?: boolean;
  /**
   * Path of the program's `.ts` source file (relative paths resolve from the working directory);
   * the program's class declaration and what it uses are read with ts-morph.
   */
  readonly programSource?: string;
  /** The program's source code as a string (instead of `programSource`). */
  readonly programCode?: string;
  /** Return the unchanged program with an estimate of the LM calls, calling no LM. @default false */
  readonly dryRun?: boolean;
}

/** Options with every default filled in; `numTrials` is undefined until the predictors are known. */
export interface ResolvedMiproOptions {
  readonly auto: MiproAuto | undefined;
  readonly numCandidates: number;
  readonly numTrials: number | undefined;
  readonly maxValset: number | undefined;
  readonly minibatchSize: number;
  readonly minibatchFullEvalSteps: number;
  readonly maxBootstrappedDemos: number;
  readonly maxLabeledDemos: number;
  readonly zeroShot: boolean;
  readonly initTemperature: number;
  readonly dataAware: boolean;
  readonly programAware: boolean;
  readonly tipAware: boolean;
  readonly fewshotAware: boolean;
  readonly programSource: string | undefined;
  readonly programCode: string | undefined;
  readonly dryRun: boolean;
  readonly bootstrap: Pick<BootstrapFewShotOptions, "maxRounds" | "metricThreshold" | "maxErrors">;
}

export function resolveMiproOptions(options: MIPROOptions): ResolvedMiproOptions {
  if (options.auto !== undefined && !Object.hasOwn(MIPRO_AUTO_PRESETS, options.auto)) {
    throw new RangeError(`auto must be "light", "medium" or "heavy", got ${JSON.stringify(options.auto)}`);
  }
  if (options.programSource !== undefined && options.programCode !== undefined) {
    throw new RangeError(
      "give MIPRO either programSource (a file path) or programCode (the source), not both",
    );
  }
  const preset = options.auto ? MIPRO_AUTO_PRESETS[options.auto] : undefined;
  const resolved: ResolvedMiproOptions = {
    auto: options.auto,
    numCandidates: options.numCandidates ?? preset?.numCandidates ?? MIPRO_AUTO_PRESETS.light.numCandidates,
    numTrials: options.numTrials,
    maxValset: preset?.maxValset,
    minibatchSize: options.minibatchSize ?? 35,
    minibatchFullEvalSteps: options.minibatchFullEvalSteps ?? 5,
    maxBootstrappedDemos: options.maxBootstrappedDemos ?? options.maxDemos ?? 4,
    maxLabeledDemos: options.maxLabeledDemos ?? options.maxDemos ?? 4,
    zeroShot: false,
    initTemperature: options.initTemperature ?? 1,
    dataAware: options.dataAware ?? true,
    programAware: options.programAware ?? true,
    tipAware: options.tipAware ?? true,
    fewshotAware: options.fewshotAware ?? true,
    programSource: options.programSource,
    programCode: options.programCode,
    dryRun: options.dryRun ?? false,
    bootstrap: {
      ...(options.maxRounds === undefined ? {} : { maxRounds: options.maxRounds }),
      ...(options.metricThreshold === undefined ? {} : { metricThreshold: options.metricThreshold }),
      ...(options.maxErrors === undefined ? {} : { maxErrors: options.maxErrors }),
    },
  };
  requireWhole("numCandidates", resolved.numCandidates, 1);
  if (resolved.numTrials !== undefined) requireWhole("numTrials", resolved.numTrials, 0);
  requireWhole("minibatchSize", resolved.minibatchSize, 1);
  requireWhole("minibatchFullEvalSteps", resolved.minibatchFullEvalSteps, 1);
  requireWhole("maxBootstrappedDemos", resolved.maxBootstrappedDemos, 0);
  requireWhole("maxLabeledDemos", resolved.maxLabeledDemos, 0);
  if (options.maxDemos !== undefined) requireWhole("maxDemos", options.maxDemos, 0);
  if (!(resolved.initTemperature >= 0 && Number.isFinite(resolved.initTemperature))) {
    throw new RangeError(`initTemperature must be a finite number >= 0, got ${resolved.initTemperature}`);
  }
  return { ...resolved, zeroShot: resolved.maxBootstrappedDemos === 0 && resolved.maxLabeledDemos === 0 };
}

/**
 * DSPy's default number of trials: floor(max(2 · v · log2(n), 1.5 · n)) for v searched variables
 * (instruction and demo set per predictor, instructions only in zero-shot mode) and n candidates.
 */
export function defaultNumTrials(predictors: number, numCandidates: number, zeroShot: boolean): number {
  const variables = predictors * (zeroShot ? 1 : 2);
  return Math.floor(Math.max(2 * variables * Math.log2(Math.max(numCandidates, 1)), 1.5 * numCandidates));
}

function requireWhole(name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number >= ${minimum}, got ${value}`);
  }
}
