import type { LanguageModel } from "@lathe/core";
import type { Fault } from "./fault.js";

/** Resolves the `model` field of a request to a language model, or `undefined` for a 404. */
export type ModelResolver = (modelId: string) => LanguageModel | undefined;

/**
 * Options of `startModelServer`. Everything but `model` is plain data, so a CLI can build it
 * from flags. Fault rates are probabilities per chat-completion request; together they must
 * not exceed 1 (a request gets at most one random fault).
 */
export interface ModelServerOptions {
  /** The model to serve: one model (requests must name its `modelId`), or a resolver. */
  readonly model: LanguageModel | ModelResolver;
  /** Port on 127.0.0.1; 0 picks a free one. @default 0 */
  readonly port?: number;
  /** Bearer token clients must send; when unset, no authorization is required. @default undefined */
  readonly apiKey?: string;
  /** Model ids listed by `GET /v1/models` when `model` is a resolver. @default [] */
  readonly modelIds?: readonly string[];
  /** Seed of every random fault and latency draw. @default 0 */
  readonly seed?: number;
  /** Base latency added before each answer, in ms. @default 0 */
  readonly latencyMs?: number;
  /** Uniform jitter around `latencyMs` (± this many ms). @default 0 */
  readonly jitterMs?: number;
  /** Probability of a 500/502/503. @default 0 */
  readonly errorRate?: number;
  /** Probability of a 200 with garbled, truncated content. @default 0 */
  readonly malformedRate?: number;
  /** Probability of destroying the socket mid-response. @default 0 */
  readonly resetRate?: number;
  /** Probability of truncated text with `finish_reason: "length"`. @default 0 */
  readonly lengthRate?: number;
  /** Probability of a 200 with `choices: []`. @default 0 */
  readonly emptyChoicesRate?: number;
  /** Probability of a 200 whose body is not valid JSON. @default 0 */
  readonly invalidJsonRate?: number;
  /** Chat requests beyond this many in flight get a 429. @default unlimited */
  readonly maxConcurrency?: number;
  /** Wait suggested by 429s from `maxConcurrency` (`Retry-After`, `retry-after-ms`). @default 1000 */
  readonly retryAfterMs?: number;
  /** Faults for the next chat requests, in arrival order, before any random fault. @default [] */
  readonly faults?: readonly Fault[];
  /** Larger request bodies get a 413. @default 4 MiB */
  readonly maxBodyBytes?: number;
}
