import { UsageError } from "../errors/cli-errors.js";

/** One `--opt [optimizer.]key=value`, its value parsed. */
export interface OptAssignment {
  /** The optimizer it is scoped to (`mipro.auto=medium`), or undefined for every stage. */
  readonly scope: string | undefined;
  readonly key: string;
  readonly value: unknown;
  readonly text: string;
}

/**
 * Parses `--opt key=value`: `true`/`false`, `null`, numbers, and JSON objects, arrays or quoted
 * strings are parsed; anything else is a string (`auto=medium`). `name.key=value` targets one
 * optimizer of a pipeline.
 */
export function parseOpt(text: string): OptAssignment {
  const equals = text.indexOf("=");
  if (equals <= 0) {
    throw new UsageError(
      `--opt '${text}' is not key=value; e.g. --opt maxDemos=0 or --opt mipro.auto=medium`,
    );
  }
  const name = text.slice(0, equals).trim();
  const match = /^(?:([a-z][a-z0-9-]*)\.)?([A-Za-z_][A-Za-z0-9_]*)$/.exec(name);
  if (!match) {
    throw new UsageError(
      `--opt '${text}': '${name}' is not an option name; write key=value or optimizer.key=value`,
    );
  }
  return { scope: match[1], key: match[2]!, value: parseOptValue(text.slice(equals + 1), text), text };
}

export function parseOptValue(raw: string, text = raw): unknown {
  const value = raw.trim();
  if (value === "true") return true;
  if (value === "false") return false;
  if (value === "null") return null;
  if (/^-?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(value)) return Number(value);
  if (/^[[{"]/.test(value)) {
    try {
      return JSON.parse(value);
    } catch (error) {
      throw new UsageError(`--opt '${text}': the value is not valid JSON (${(error as Error).message})`);
    }
  }
  return raw;
}

/** Collects repeated `--opt` flags (a commander option parser). */
export function collectOpt(text: string, previous: OptAssignment[] = []): OptAssignment[] {
  return [...previous, parseOpt(text)];
}
