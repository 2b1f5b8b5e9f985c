import {
  BootstrapFewShot,
  type BootstrapFewShotOptions,
  GEPA,
  type GEPAOptions,
  LabeledFewShot,
  type LabeledFewShotOptions,
  MetaPrompt,
  type MetaPromptOptions,
  MIPRO,
  type MIPROOptions,
  OPRO,
  type OPROOptions,
  type Optimizer,
  RandomSearch,
  type RandomSearchOptions,
} from "@lathe/optimizers";

/** A `--optimizer` name: how to construct it and the option names it accepts. */
export interface OptimizerEntry {
  readonly name: string;
  readonly summary: string;
  readonly options: readonly string[];
  /** Constructs the optimizer; options were checked against `options` by name, values by the optimizer. */
  readonly create: (options: Record<string, unknown>) => Optimizer;
}

const LABELED_OPTIONS = ["k"] as const;
const BOOTSTRAP_OPTIONS = [
  "maxBootstrappedDemos",
  "maxLabeledDemos",
  "maxRounds",
  "metricThreshold",
  "maxErrors",
  "useTeacherLm",
] as const;
const RANDOM_OPTIONS = [...BOOTSTRAP_OPTIONS, "numCandidates", "stopAtScore"] as const;
const MIPRO_OPTIONS = [
  "auto",
  "numCandidates",
  "numTrials",
  "minibatchSize",
  "minibatchFullEvalSteps",
  "maxBootstrappedDemos",
  "maxLabeledDemos",
  "maxDemos",
  "initTemperature",
  "dataAware",
  "programAware",
  "tipAware",
  "fewshotAware",
  "programSource",
  "programCode",
  "dryRun",
  "maxRounds",
  "metricThreshold",
  "maxErrors",
] as const;
const METAPROMPT_OPTIONS = [
  "numRounds",
  "evalSubsetSize",
  "taskDescription",
  "historySize",
  "maxFailuresShown",
] as const;
const OPRO_OPTIONS = [
  "numSteps",
  "samplesPerStep",
  "temperature",
  "evalSubsetSize",
  "numExamplesShown",
  "maxHistory",
  "finalCandidates",
  "taskDescription",
] as const;
const GEPA_OPTIONS = [
  "maxMetricCalls",
  "minibatchSize",
  "merge",
  "maxMerges",
  "skipPerfect",
  "showExpected",
  "maxIterations",
] as const;

type Complete<Options, Names extends readonly string[]> = [
  Exclude<keyof Options, Names[number]>,
  Exclude<Names[number], keyof Options>,
] extends [never, never]
  ? true
  : false;
type Expect<T extends true> = T;

/**
 * Fails to type-check when an optimizer's options and the names `--opt` accepts drift apart, so
 * an option added to an optimizer cannot silently be unreachable from the command line.
 */
export type OptionListsMatchTheApi = [
  Expect<Complete<LabeledFewShotOptions, typeof LABELED_OPTIONS>>,
  // `teacherProgram` is a Module: there is no way to give one on the command line.
  Expect<Complete<Omit<BootstrapFewShotOptions, "teacherProgram">, typeof BOOTSTRAP_OPTIONS>>,
  Expect<Complete<RandomSearchOptions, typeof RANDOM_OPTIONS>>,
  Expect<Complete<MIPROOptions, typeof MIPRO_OPTIONS>>,
  Expect<Complete<MetaPromptOptions, typeof METAPROMPT_OPTIONS>>,
  Expect<Complete<OPROOptions, typeof OPRO_OPTIONS>>,
  Expect<Complete<GEPAOptions, typeof GEPA_OPTIONS>>,
];

/** Every optimizer the CLI knows, in the order `--help` lists them. */
export const OPTIMIZERS: readonly OptimizerEntry[] = [
  {
    name: "labeled",
    summary: "k labeled examples as demos",
    options: LABELED_OPTIONS,
    create: (options) => new LabeledFewShot(options as LabeledFewShotOptions),
  },
  {
    name: "bootstrap",
    summary: "demos from successful teacher traces",
    options: BOOTSTRAP_OPTIONS,
    create: (options) => new BootstrapFewShot(options as BootstrapFewShotOptions),
  },
  {
    name: "random",
    summary: "bootstrap with random search over demo sets",
    options: RANDOM_OPTIONS,
    create: (options) => new RandomSearch(options as RandomSearchOptions),
  },
  {
    name: "mipro",
    summary: "grounded instruction proposals + Bayesian search (MIPROv2)",
    options: MIPRO_OPTIONS,
    create: (options) => new MIPRO(options as MIPROOptions),
  },
  {
    name: "metaprompt",
    summary: "failure-driven instruction rewrites",
    options: METAPROMPT_OPTIONS,
    create: (options) => new MetaPrompt(options as MetaPromptOptions),
  },
  {
    name: "opro",
    summary: "instructions proposed from a scored history (OPRO)",
    options: OPRO_OPTIONS,
    create: (options) => new OPRO(options as OPROOptions),
  },
  {
    name: "gepa",
    summary: "reflective evolution over a Pareto front (GEPA)",
    options: GEPA_OPTIONS,
    create: (options) => new GEPA(options as GEPAOptions),
  },
];

export function optimizerEntry(name: string): OptimizerEntry | undefined {
  return OPTIMIZERS.find((entry) => entry.name === name);
}
