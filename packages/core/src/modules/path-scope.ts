import { AsyncLocalStorage } from "node:async_hooks";
import { discoverModules, discoverPredictors } from "./discovery.js";

interface PathScope {
  readonly paths: ReadonlyMap<object, string>;
}

const storage = new AsyncLocalStorage<PathScope>();

/**
 * Runs `fn` with `module` as the root of predictor paths, unless it is already part of the
 * program being run (a sub-module called from its parent's `forward`).
 */
export function runInPathScope<T>(module: object, fn: () => T): T {
  const current = storage.getStore();
  if (current?.paths.has(module)) return fn();
  const paths = new Map<object, string>(discoverModules(module).map(([path, node]) => [node, path]));
  // A root predictor has the path `self`, as in its program state.
  for (const [path, predictor] of discoverPredictors(module)) paths.set(predictor, path);
  return storage.run({ paths }, fn);
}

/** The path of `predictor` in the program being run, or `self` when it runs on its own. */
export function currentPathOf(predictor: object): string {
  return storage.getStore()?.paths.get(predictor) || "self";
}
