export { runCli } from "./cli.js";
export { type CompileEstimate, type EstimateStep, estimateCompileCalls } from "./compile/estimate-calls.js";
export { type ArtifactDiff, diffArtifacts, type PredictorDiff } from "./diff/diff-artifacts.js";
export { type DiffLine, diffLines, formatDiff } from "./diff/diff-lines.js";
export { MetricError, ProgramLoadError, UsageError } from "./errors/cli-errors.js";
export { EXIT_FAILURE, EXIT_INTERNAL, EXIT_USAGE } from "./errors/report-error.js";
export type { CliIo } from "./io/cli-io.js";
export {
  type BuiltinMetricSpec,
  builtinMetric,
  containsScore,
  exactScore,
  f1Score,
  parseBuiltinMetric,
} from "./metrics/builtin-metrics.js";
export { normalizeText } from "./metrics/normalize-text.js";
export { type ResolvedMetric, resolveMetric } from "./metrics/resolve-metric.js";
export { buildOptimizers, type OptimizerPlan, planOptimizers } from "./options/build-optimizers.js";
export { OPTIMIZERS, type OptimizerEntry } from "./options/optimizer-registry.js";
export { type OptAssignment, parseOpt, parseOptValue } from "./options/parse-opt.js";
export { type ProgramRef, parseProgramRef } from "./program/program-ref.js";
export { signatureProgramName, signatureSpecFromName } from "./program/signature-program.js";
