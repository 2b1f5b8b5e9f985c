/** A model string split into its provider and the provider's model id. */
export interface ParsedModelString {
  readonly provider: string;
  readonly modelId: string;
}

/**
 * Splits `<provider>/<model>` at the first slash, so model ids may contain slashes
 * (`openai-compatible/meta-llama/Llama-3.1-8B`). Returns undefined when either part is empty.
 */
export function parseModelString(modelString: string): ParsedModelString | undefined {
  const slash = modelString.indexOf("/");
  if (slash <= 0) return undefined;
  const provider = modelString.slice(0, slash).trim();
  const modelId = modelString.slice(slash + 1).trim();
  return provider && modelId ? { provider, modelId } : undefined;
}
