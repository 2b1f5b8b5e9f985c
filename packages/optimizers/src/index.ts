export { type ArtifactInput, buildArtifact } from "./compile/build-artifact.js";
export { type CompileResult, compile } from "./compile/compile.js";
export type { CompileOptions } from "./compile/compile-options.js";
export type { CompileReport } from "./compile/compile-report.js";
export {
  type EmitModuleOptions,
  type EmittedProgram,
  emitModule,
  importSpecifier,
  renderModule,
} from "./emit/emit-module.js";
export {
  BootstrapFewShot,
  type BootstrapFewShotOptions,
  type BootstrapOutcome,
} from "./few-shot/bootstrap-few-shot.js";
export { LabeledFewShot, type LabeledFewShotOptions, labeledState } from "./few-shot/labeled-few-shot.js";
export { RandomSearch, type RandomSearchOptions } from "./few-shot/random-search.js";
export { GEPA, type GEPAOptions } from "./gepa/gepa.js";
export { MetaPrompt, type MetaPromptOptions } from "./metaprompt/metaprompt.js";
export type { CallEstimate, CallEstimateStep, StepEstimate } from "./mipro/call-estimate.js";
export { MIPRO } from "./mipro/mipro.js";
export {
  defaultNumTrials,
  MIPRO_AUTO_PRESETS,
  type MIPROOptions,
  type MiproAuto,
} from "./mipro/mipro-options.js";
export { PROPOSER_TIPS, type TipName } from "./mipro/tips.js";
export { OPRO, type OPROOptions } from "./opro/opro.js";
export { escapeHtml } from "./report/escape-html.js";
export { renderReportHtml } from "./report/render-html.js";
export { renderReportMarkdown } from "./report/render-markdown.js";
export type { RunReportInput } from "./report/run-report-input.js";
export { type RunReportPaths, runReportPaths, writeRunReport } from "./report/write-run-report.js";
export { askTeacher, type TeacherSampling } from "./shared/ask-teacher.js";
export type { CandidateRecord } from "./shared/candidate-record.js";
export { evaluateState, untilBudget } from "./shared/evaluate-state.js";
export type { Optimizer, OptimizerContext, OptimizerResult, ScoredEvaluation } from "./shared/optimizer.js";
export type { ProgressEvent } from "./shared/progress.js";
export { withDemos, withInstructions, withoutDemos } from "./shared/state-edits.js";
export { LATHE_VERSION } from "./version.js";
