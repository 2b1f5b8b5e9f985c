const MARKER = /\[\[\s*#{1,3}\s*([A-Za-z_][A-Za-z0-9_]*)\s*#{0,3}\s*\]\]/g;

/**
 * Values written after `[[ ## field ## ]]` markers, tolerating missing newlines, extra spaces
 * and chatter before the first marker or after `[[ ## completed ## ]]`. Unknown markers end
 * the previous value. The first occurrence of a field wins.
 */
export function extractMarkedSections(text: string, names: readonly string[]): Map<string, string> {
  const sections = new Map<string, string>();
  const hits = [...text.matchAll(MARKER)];
  hits.forEach((hit, position) => {
    const name = hit[1]!;
    const start = hit.index! + hit[0].length;
    const end = hits[position + 1]?.index ?? text.length;
    const known = names.find((candidate) => candidate.toLowerCase() === name.toLowerCase());
    if (known && !sections.has(known)) sections.set(known, text.slice(start, end).trim());
  });
  return sections;
}

/**
 * Values written as `field: value` lines (also `**field**:` and `Field:`), each running until
 * the next known field's line.
 */
export function extractLabelledLines(text: string, names: readonly string[]): Map<string, string> {
  const sections = new Map<string, string>();
  const label = (name: string) => new RegExp(`^[\\s*_#>-]*${name}[\\s*_]*:[*_]*\\s*`, "im");
  const starts = names
    .map((name) => ({ name, match: label(name).exec(text) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .sort((a, b) => a.match.index - b.match.index);
  starts.forEach((entry, position) => {
    const start = entry.match.index + entry.match[0].length;
    const end = starts[position + 1]?.match.index ?? text.length;
    sections.set(entry.name, text.slice(start, end).trim());
  });
  return sections;
}

/** The text inside a single code fence, if the completion is one; otherwise the text trimmed. */
export function unfence(text: string): string {
  const fenced = /^\s*```[a-zA-Z]*\s*\n?([\s\S]*?)\n?```\s*$/.exec(text);
  return (fenced ? fenced[1]! : text).trim();
}
