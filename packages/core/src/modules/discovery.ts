import { isPredictor, type Predictor } from "./predictor.js";

export const MODULE_MARKER = Symbol.for("lathe.module");

export function isModule(value: unknown): boolean {
  return (
    typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[MODULE_MARKER] === true
  );
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * Every predictor reachable from `root`, with its dotted path: properties (`answer`),
 * nested modules (`answer.predict`), arrays (`hops[1]`), maps and plain records
 * (`experts.math`, `experts["two words"]`). Property order is the language's own
 * (declaration order); paths, not positions, identify predictors. A predictor reachable
 * twice is listed once, under its first path. A root predictor is named `self`.
 */
export function discoverPredictors(root: object): Array<[string, Predictor]> {
  if (isPredictor(root) && !hasChildModules(root)) return [["self", root]];
  const found: Array<[string, Predictor]> = [];
  walk(root, "", new Set(), (path, value) => {
    if (isPredictor(value) && path !== "") found.push([path, value]);
  });
  return found;
}

/** Every module (and predictor) in the tree under `root`, with its path (`""` for the root). */
export function discoverModules(root: object): Array<[string, object]> {
  const found: Array<[string, object]> = [];
  walk(root, "", new Set(), (path, value) => found.push([path, value]));
  return found;
}

function walk(
  value: unknown,
  path: string,
  seen: Set<object>,
  visit: (path: string, value: object) => void,
): void {
  if (typeof value !== "object" || value === null || seen.has(value)) return;
  // Containers too, so that a cycle through a plain object or array ends.
  seen.add(value);
  if (isPredictor(value) && path !== "") {
    visit(path, value);
    return;
  }
  const recurse = (key: string) =>
    walk((value as Record<string, unknown>)[key], join(path, key), seen, visit);
  if (isModule(value) || path === "") {
    visit(path, value);
    for (const key of Object.keys(value)) recurse(key);
  } else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walk(item, `${path}[${index}]`, seen, visit);
  } else if (value instanceof Map) {
    for (const [key, item] of value) walk(item, join(path, String(key)), seen, visit);
  } else if (Object.getPrototypeOf(value) === Object.prototype) {
    for (const key of Object.keys(value)) recurse(key);
  }
}

function join(path: string, key: string): string {
  const part = IDENTIFIER.test(key) ? key : `[${JSON.stringify(key)}]`;
  if (path === "") return part;
  return part.startsWith("[") ? `${path}${part}` : `${path}.${part}`;
}

function hasChildModules(predictor: object): boolean {
  return Object.values(predictor).some((member) => isModule(member) || isPredictor(member));
}
