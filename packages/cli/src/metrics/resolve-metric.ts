import type { Metric } from "@lathe/core";
import { MetricError, ProgramLoadError } from "../errors/cli-errors.js";
import { importTypeScript } from "../program/import-typescript.js";
import { parseProgramRef } from "../program/program-ref.js";
import { BUILTIN_METRIC_KINDS, builtinMetric, parseBuiltinMetric } from "./builtin-metrics.js";

/** A metric ready to use, its name for the artifact, and the dataset fields it reads. */
export interface ResolvedMetric {
  readonly metric: Metric;
  readonly name: string;
  /** Fields every example must have (for built-in metrics). */
  readonly fields: readonly string[];
}

const BUILTIN_HELP = `${BUILTIN_METRIC_KINDS.map((kind) => `${kind}:<field>`).join(", ")}, sim:<task>, or <file.ts>#<export>`;

/**
 * Resolves `--metric`: a built-in (`exact:answer`, `f1:answer`, `contains:answer`, several
 * fields comma-separated), a sim task's own metric (`sim:ticket-triage`), or a function exported
 * from a file (`metrics.ts#accuracy`).
 */
export async function resolveMetric(spec: string, cwd: string): Promise<ResolvedMetric> {
  const builtin = parseBuiltinMetric(spec);
  if (builtin) return { metric: builtinMetric(builtin), name: spec, fields: builtin.fields };
  if (spec.startsWith("sim:")) return simMetric(spec);
  if (spec.includes("#") || /\.(m|c)?[jt]sx?$/.test(spec)) return fileMetric(spec, cwd);
  throw new MetricError(`unknown metric '${spec}'; use ${BUILTIN_HELP}`);
}

async function simMetric(spec: string): Promise<ResolvedMetric> {
  const { getSimTask } = await import("@lathe/adapters");
  let task: ReturnType<typeof getSimTask>;
  try {
    task = getSimTask(spec.slice(4));
  } catch (error) {
    throw new MetricError(`metric '${spec}': ${(error as Error).message}`);
  }
  const metric: Metric = (example, prediction) => task.score(example, prediction);
  return { metric, name: spec, fields: task.outputs.map((field) => field.name) };
}

async function fileMetric(spec: string, cwd: string): Promise<ResolvedMetric> {
  const ref = parseProgramRef(spec, cwd);
  let exports: Record<string, unknown>;
  try {
    exports = await importTypeScript(ref.file, "metric");
  } catch (error) {
    if (ProgramLoadError.isInstance(error)) throw new MetricError(error.message);
    throw error;
  }
  const value = exports[ref.exportName];
  if (typeof value !== "function") {
    const functions = Object.keys(exports).filter((name) => typeof exports[name] === "function");
    throw new MetricError(
      Object.hasOwn(exports, ref.exportName)
        ? `metric '${spec}' is a ${typeof value}, not a function (example, prediction) => score`
        : `metric '${spec}' not found: ${ref.file} has no export '${ref.exportName}'${functions.length > 0 ? `; its functions are: ${functions.join(", ")}` : ""}`,
    );
  }
  return { metric: value as Metric, name: spec, fields: [] };
}
