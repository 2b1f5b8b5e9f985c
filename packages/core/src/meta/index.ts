export { BestOfN, type BestOfNOptions, type BestOfNRun, type Rollout } from "./best-of-n.js";
export type { ComparisonOutputs } from "./comparison-signature.js";
export { Conductor, type ConductorOptions, type ConductorRun } from "./conductor.js";
export type { ConductorTurn } from "./conductor-signatures.js";
export type { ConductorRound } from "./conductor-transcript.js";
export {
  type ComparisonAttempt,
  MultiChainComparison,
  type MultiChainComparisonOptions,
  type MultiChainComparisonRun,
} from "./multi-chain-comparison.js";
export {
  type ForSignatureOptions,
  type GeneratedPrompt,
  PromptGenerator,
  type PromptGeneratorOptions,
} from "./prompt-generator.js";
export type { PromptParts, PromptRequest } from "./prompt-generator-signature.js";
export { ReAct, type ReActOptions, type ReActRun } from "./react.js";
export type { ReActTurn } from "./react-signatures.js";
export { Refine, type RefineAttempt, type RefineOptions, type RefineRun } from "./refine.js";
export type { CriticOutputs } from "./refine-signatures.js";
export type { Reward } from "./reward.js";
export { type Tool, tool } from "./tool.js";
export type { ReActStep } from "./trajectory.js";
