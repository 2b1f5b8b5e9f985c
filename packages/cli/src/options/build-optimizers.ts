import type { Optimizer } from "@lathe/optimizers";
import { UsageError } from "../errors/cli-errors.js";
import { closestName } from "../util/closest-name.js";
import { OPTIMIZERS, type OptimizerEntry, optimizerEntry } from "./optimizer-registry.js";
import type { OptAssignment } from "./parse-opt.js";

/** What `--optimizer a,b` and `--opt` resolve to, before construction. */
export interface OptimizerPlan {
  readonly entry: OptimizerEntry;
  readonly options: Readonly<Record<string, unknown>>;
}

export interface PlanOptions {
  /** Options applied before `--opt` (e.g. inherited from an artifact); unknown keys are dropped. */
  readonly defaults?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
  /** Options the CLI fills in when the user did not (e.g. MIPRO's programSource). */
  readonly automatic?: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

const NAMES = OPTIMIZERS.map((entry) => entry.name).join(", ");

/**
 * Parses `--optimizer bootstrap` or a pipeline `bootstrap,mipro` and distributes `--opt`
 * assignments: unscoped ones go to every stage that accepts the key, scoped ones
 * (`mipro.auto=medium`) to their stage. A key no stage accepts is an error, never ignored.
 */
export function planOptimizers(
  spec: string,
  opts: readonly OptAssignment[],
  options: PlanOptions = {},
): OptimizerPlan[] {
  const names = spec
    .split(",")
    .map((name) => name.trim())
    .filter((name) => name !== "");
  if (names.length === 0)
    throw new UsageError(`--optimizer is empty; use one of ${NAMES}, or a pipeline like bootstrap,mipro`);
  const entries = names.map((name) => {
    const entry = optimizerEntry(name);
    if (!entry)
      throw new UsageError(
        `unknown optimizer '${name}'; use one of ${NAMES}, or a pipeline like bootstrap,mipro`,
      );
    return entry;
  });
  const plans = entries.map((entry) => {
    const inherited = Object.fromEntries(
      Object.entries(options.defaults?.[entry.name] ?? {}).filter(([key]) => entry.options.includes(key)),
    );
    return {
      entry,
      options: { ...options.automatic?.[entry.name], ...inherited } as Record<string, unknown>,
    };
  });
  for (const assignment of opts) {
    const targets = plans.filter(
      (plan) =>
        (assignment.scope === undefined || assignment.scope === plan.entry.name) &&
        plan.entry.options.includes(assignment.key),
    );
    if (targets.length === 0) throw new UsageError(unknownOption(assignment, entries));
    for (const target of targets) target.options[assignment.key] = assignment.value;
  }
  return plans;
}

/** Constructs the planned optimizers; a rejected option value becomes a usage error. */
export function buildOptimizers(plans: readonly OptimizerPlan[]): Optimizer[] {
  return plans.map(({ entry, options }) => {
    try {
      return entry.create({ ...options });
    } catch (error) {
      if (error instanceof RangeError || error instanceof TypeError) {
        throw new UsageError(`--opt for ${entry.name}: ${error.message}`);
      }
      throw error;
    }
  });
}

function unknownOption(assignment: OptAssignment, entries: readonly OptimizerEntry[]): string {
  if (assignment.scope !== undefined && !entries.some((entry) => entry.name === assignment.scope)) {
    return `--opt '${assignment.text}' is scoped to '${assignment.scope}', which is not in --optimizer ${entries.map((entry) => entry.name).join(",")}`;
  }
  const scoped =
    assignment.scope === undefined ? entries : entries.filter((entry) => entry.name === assignment.scope);
  const known = scoped.map((entry) => `${entry.name}: ${entry.options.join(", ")}`).join("; ");
  const close = closestName(
    assignment.key,
    scoped.flatMap((entry) => entry.options),
  );
  return `unknown option '${assignment.key}' in --opt '${assignment.text}'${close ? ` (did you mean '${close}'?)` : ""}; options are ${known}`;
}
