/** Parameter name → number of choices, e.g. `{ "answer.instruction": 6, "answer.demos": 8 }`. */
export interface CategoricalSpace {
  readonly [parameter: string]: number;
}

/** Parameter name → chosen index in `[0, choices)`. */
export type Configuration = { readonly [parameter: string]: number };

/** A validated space with its parameters in a canonical (sorted) order. */
export interface ParsedSpace {
  readonly names: readonly string[];
  readonly choices: readonly number[];
  /** Number of distinct configurations (may be `Infinity` for astronomically large spaces). */
  readonly size: number;
}

export function parseSpace(space: CategoricalSpace): ParsedSpace {
  if (typeof space !== "object" || space === null) {
    throw new TypeError("TpeSampler needs a space object mapping each parameter to its number of choices");
  }
  // Sorted so that suggestions never depend on the order in which parameters were declared.
  const names = Object.keys(space).sort();
  if (names.length === 0) {
    throw new RangeError(
      "TpeSampler needs at least one parameter in the space, e.g. { instruction: 6, demos: 4 }",
    );
  }
  const choices = names.map((name) => {
    const count = space[name];
    if (typeof count !== "number" || !Number.isInteger(count) || count < 1) {
      throw new RangeError(
        `Parameter "${name}" has ${String(count)} choices; every parameter needs an integer number of ` +
          "choices >= 1 (leave out parameters that have nothing to choose from)",
      );
    }
    return count;
  });
  return { names, choices, size: choices.reduce((product, count) => product * count, 1) };
}

/** Validates a configuration against the space and returns its indices in canonical order. */
export function toIndices(space: ParsedSpace, configuration: Configuration): number[] {
  if (typeof configuration !== "object" || configuration === null) {
    throw new TypeError("Expected a configuration object mapping each parameter to a choice index");
  }
  for (const name of Object.keys(configuration)) {
    if (!space.names.includes(name)) {
      throw new RangeError(
        `Unknown parameter "${name}" in configuration; the space has: ${space.names.join(", ")}`,
      );
    }
  }
  return space.names.map((name, position) => {
    const value = configuration[name];
    const count = space.choices[position]!;
    if (value === undefined) {
      throw new RangeError(`Configuration is missing parameter "${name}"; give every parameter an index`);
    }
    if (!Number.isInteger(value) || value < 0 || value >= count) {
      throw new RangeError(
        `Parameter "${name}" = ${String(value)} is out of range; use an integer in [0, ${count - 1}]`,
      );
    }
    return value;
  });
}

export function toConfiguration(space: ParsedSpace, indices: readonly number[]): Configuration {
  const configuration: Record<string, number> = {};
  space.names.forEach((name, position) => {
    configuration[name] = indices[position]!;
  });
  return Object.freeze(configuration);
}

/** A string identity for a configuration's indices (canonical order). */
export function configurationKey(indices: readonly number[]): string {
  return indices.join(",");
}
