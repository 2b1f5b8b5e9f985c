import { artifactState, parseArtifact } from "../artifact/load-artifact.js";
import { verifyArtifactFits } from "../artifact/verify-artifact.js";
import { type Settings, withSettings } from "../settings/settings.js";
import { cloneModuleTree } from "./clone.js";
import { discoverPredictors, MODULE_MARKER } from "./discovery.js";
import { ProgramStateError } from "./module-errors.js";
import { runInPathScope } from "./path-scope.js";
import type { ConfigurablePredictor, Predictor } from "./predictor.js";
import type { ProgramState } from "./program-state.js";

/**
 * Base class of every program. Subclasses hold predictors and sub-modules as properties and
 * implement `forward`. Programs are never mutated by optimizers: `withState` returns a copy.
 */
export abstract class Module<
  I extends object = Record<string, unknown>,
  O extends object = Record<string, unknown>,
> {
  /** Phantom member carrying the static input and output types. */
  declare readonly __io: { readonly inputs: I; readonly outputs: O };

  constructor() {
    Object.defineProperty(this, MODULE_MARKER, { value: true, enumerable: false });
  }

  abstract forward(inputs: I): Promise<O>;

  /**
   * Names of the example fields the program reads, used to pick inputs out of dataset rows.
   * `undefined` (the default for custom modules) passes the whole row to `forward`.
   */
  get inputFields(): readonly string[] | undefined {
    return undefined;
  }

  /** Runs the program, optionally under extra settings (they override the current scope). */
  call(inputs: I, settings?: Settings): Promise<O> {
    const run = () => runInPathScope(this, () => this.forward(inputs));
    return settings ? withSettings(settings, run) : run();
  }

  /** Every predictor in the program with its stable dotted path. */
  namedPredictors(): Array<[string, Predictor]> {
    return discoverPredictors(this);
  }

  /** The tunable state of every predictor, keyed by path. */
  state(): ProgramState {
    return Object.fromEntries(
      this.namedPredictors().map(([path, predictor]) => [path, predictor.getState()]),
    );
  }

  /**
   * An independent copy configured with `state` (all paths or some). Throws if the state
   * names a predictor the program does not have. The original is left untouched.
   */
  withState(state: ProgramState): this {
    const copy = cloneModuleTree(this);
    const predictors = new Map(copy.namedPredictors());
    const unknown = Object.keys(state).filter((path) => !predictors.has(path));
    if (unknown.length > 0) {
      throw new ProgramStateError(
        `the state names predictor(s) ${unknown.join(", ")} that the program does not have; its predictors are ${[...predictors.keys()].join(", ")}`,
      );
    }
    for (const [path, predictorState] of Object.entries(state)) {
      try {
        (predictors.get(path) as ConfigurablePredictor).applyState(predictorState);
      } catch (error) {
        if (!ProgramStateError.isInstance(error)) throw error;
        throw new ProgramStateError(`invalid state for predictor '${path}': ${error.message}`);
      }
    }
    return copy;
  }

  /**
   * A copy configured from a compiled artifact (an object from `loadArtifact`, or its JSON).
   * Checks the format, the content hash and that every predictor's signature still matches;
   * drift raises an ArtifactError naming the predictor and field. Never evaluates code.
   */
  load(artifact: unknown): this {
    const checked = parseArtifact(artifact);
    verifyArtifactFits(checked, this.namedPredictors());
    return this.withState(artifactState(checked));
  }

  /** An independent deep copy. */
  clone(): this {
    return cloneModuleTree(this);
  }
}

export type InferProgramInputs<M extends Module<object, object>> = M["__io"]["inputs"];
export type InferProgramOutputs<M extends Module<object, object>> = M["__io"]["outputs"];
