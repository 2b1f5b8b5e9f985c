export {
  createModelFromString,
  defaultProviderRegistry,
  registerProvider,
  resolveModel,
} from "./default-registry.js";
export { type ParsedModelString, parseModelString } from "./parse-model-string.js";
export { type ProviderFactory, ProviderRegistry, type ResolveModelOptions } from "./provider-registry.js";
export { UnknownModelError } from "./unknown-model-error.js";
