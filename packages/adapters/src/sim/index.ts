export { type GenerateDatasetOptions, generateDataset } from "./dataset/generate-dataset.js";
export { type SplitPaths, type WriteSplitsOptions, writeSplits } from "./dataset/write-splits.js";
export { knowProbability, type RuleSupport } from "./knowledge/know-probability.js";
export { mentionedRuleIds, mentionsRule } from "./knowledge/mentions.js";
export {
  resolveSimProfile,
  type SimModelId,
  type SimModelProfile,
  simModelProfiles,
} from "./model-profiles.js";
export { createSimModel, SimLanguageModel, type SimModelOptions } from "./sim-language-model.js";
export { getSimTask, type SimTaskName, simTasks } from "./sim-tasks.js";
export type { SimRuleDecision, SimTrace } from "./sim-trace.js";
export type {
  SimExample,
  SimField,
  SimFieldType,
  SimRule,
  SimScore,
  SimStage,
  SimTask,
  SimValues,
} from "./sim-types.js";
export { type SearchSimCorpusOptions, searchSimCorpus } from "./tasks/town-qa/search-corpus.js";
export { simCorpus } from "./tasks/town-qa/town-corpus.js";
