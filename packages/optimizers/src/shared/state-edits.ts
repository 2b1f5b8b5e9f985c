import type { Demo, ProgramState } from "@lathe/core";

/** A copy of `state` with one predictor's instructions replaced. */
export function withInstructions(state: ProgramState, path: string, instructions: string): ProgramState {
  const current = state[path];
  if (!current)
    throw new RangeError(`no predictor '${path}' in the state (have: ${Object.keys(state).join(", ")})`);
  return { ...state, [path]: { ...current, instructions } };
}

/** A copy of `state` with one predictor's demos replaced. */
export function withDemos(state: ProgramState, path: string, demos: readonly Demo[]): ProgramState {
  const current = state[path];
  if (!current)
    throw new RangeError(`no predictor '${path}' in the state (have: ${Object.keys(state).join(", ")})`);
  return { ...state, [path]: { ...current, demos } };
}

/** The same state with every predictor's demos removed (zero-shot). */
export function withoutDemos(state: ProgramState): ProgramState {
  return Object.fromEntries(
    Object.entries(state).map(([path, predictor]) => [path, { ...predictor, demos: [] }]),
  );
}
