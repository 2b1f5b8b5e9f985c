import { isModule } from "./discovery.js";
import { isPredictor } from "./predictor.js";

/**
 * A deep copy of a module tree: every module and predictor is copied (sharing stays shared),
 * arrays, maps and plain records holding them are rebuilt; other values (functions, clients,
 * corpora) are shared by reference.
 */
export function cloneModuleTree<T extends object>(root: T): T {
  return cloneValue(root, new Map()) as T;
}

function cloneValue(value: unknown, memo: Map<object, unknown>): unknown {
  if (typeof value !== "object" || value === null) return value;
  const known = memo.get(value);
  if (known !== undefined) return known;
  if (isModule(value) || isPredictor(value)) {
    const copy = Object.create(Object.getPrototypeOf(value)) as Record<PropertyKey, unknown>;
    memo.set(value, copy);
    for (const key of Reflect.ownKeys(value)) {
      const descriptor = Object.getOwnPropertyDescriptor(value, key)!;
      if ("value" in descriptor) descriptor.value = cloneValue(descriptor.value, memo);
      Object.defineProperty(copy, key, descriptor);
    }
    return copy;
  }
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    memo.set(value, copy);
    for (const item of value) copy.push(cloneValue(item, memo));
    return copy;
  }
  if (value instanceof Map) {
    const copy = new Map();
    memo.set(value, copy);
    for (const [key, item] of value) copy.set(key, cloneValue(item, memo));
    return copy;
  }
  if (Object.getPrototypeOf(value) === Object.prototype && containsModules(value, new Set())) {
    const copy: Record<string, unknown> = {};
    memo.set(value, copy);
    for (const [key, item] of Object.entries(value)) copy[key] = cloneValue(item, memo);
    return copy;
  }
  return value;
}

function containsModules(value: object, seen: Set<object>): boolean {
  if (seen.has(value)) return false;
  seen.add(value);
  return Object.values(value).some(
    (member) =>
      isModule(member) ||
      isPredictor(member) ||
      (typeof member === "object" && member !== null && containsModules(member, seen)),
  );
}
