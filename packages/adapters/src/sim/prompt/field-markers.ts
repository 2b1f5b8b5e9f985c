const markerLine = /^\[\[ ## (\w+) ## \]\]$/;

/** True when the text holds a `[[ ## name ## ]]` marker line for one of `names` (any name if omitted). */
export function hasMarker(text: string, names?: ReadonlySet<string>): boolean {
  for (const line of text.split(/\r?\n/)) {
    const name = markerLine.exec(line.trim())?.[1];
    if (name !== undefined && name !== "completed" && (names === undefined || names.has(name))) return true;
  }
  return false;
}

/**
 * Reads `[[ ## field ## ]]` blocks: a value runs until the next marker or the "Respond with" line.
 * The first value of a field wins; `completed` is not a field.
 */
export function parseMarkers(text: string): Map<string, string> {
  const values = new Map<string, string>();
  let current: string | undefined;
  let lines: string[] = [];
  const flush = () => {
    if (current !== undefined && !values.has(current)) values.set(current, lines.join("\n").trim());
  };
  for (const rawLine of text.split(/\r?\n/)) {
    const line = rawLine.trim();
    const name = markerLine.exec(line)?.[1];
    if (name !== undefined) {
      flush();
      current = name;
      lines = [];
    } else if (/^Respond with\b/.test(line)) {
      break;
    } else if (current !== undefined) {
      lines.push(rawLine);
    }
  }
  flush();
  values.delete("completed");
  return values;
}

/** One `[[ ## field ## ]]` block per field, then the completion marker. */
export function renderMarkers(entries: readonly (readonly [string, string])[]): string {
  const blocks = entries.map(([name, value]) => `[[ ## ${name} ## ]]\n${value}\n\n`);
  return `${blocks.join("")}[[ ## completed ## ]]`;
}
