export type * from "./lm/language-model.js";
export { LatheError } from "./errors/lathe-error.js";
export { createRng, hashString, type Rng } from "./random/rng.js";
export { sample, shuffled } from "./random/shuffle.js";
export { canonicalJson } from "./util/canonical-json.js";
export { hashValue, sha256 } from "./util/hash.js";
export { MockLanguageModel, type MockLanguageModelOptions, type MockResponse } from "./lm/mock-language-model.js";
