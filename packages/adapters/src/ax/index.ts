export { AxLanguageModel, axLanguageModel } from "./ax-language-model.js";
export type { AxLanguageModelOptions } from "./ax-language-model-options.js";
