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
  // The label's prefix is matched within its line (a prefix spanning lines made a long run of
  // blank lines take quadratic time); `labelStart` then takes in the blank lines above it.
  const label = (name: string) =>
    new RegExp(`^(?:[^\\S\\n\\r\\u2028\\u2029]|[*_#>-])*${name}[\\s*_]*:[*_]*\\s*`, "im");
  const starts = names
    .map((name) => ({ name, match: label(name).exec(text) }))
    .filter((entry): entry is { name: string; match: RegExpExecArray } => entry.match !== null)
    .map(({ name, match }) => ({
      name,
      start: labelStart(text, match.index),
      end: match.index + match[0].length,
    }))
    .sort((a, b) => a.start - b.start);
  starts.forEach((entry, position) => {
    const end = starts[position + 1]?.start ?? text.length;
    sections.set(entry.name, text.slice(entry.end, end).trim());
  });
  return sections;
}

/** The first line start from which only whitespace and `*_#>-` lead to the label at `index`. */
function labelStart(text: string, index: number): number {
  let start = index;
  while (start > 0 && /[\s*_#>-]/.test(text[start - 1]!)) start--;
  while (start < index && !/[\n\r\u2028\u2029]/.test(text[start - 1] ?? "\n")) start++;
  return start;
}

/** The text inside a single code fence, if the completion is one; otherwise the text trimmed. */
export function unfence(text: string): string {
  // Plain string work: a regex for this backtracks quadratically on an unclosed fence.
  const trimmed = text.trim();
  if (trimmed.length < 6 || !trimmed.startsWith("```") || !trimmed.endsWith("```")) return trimmed;
  return trimmed
    .slice(3, -3)
    .replace(/^[a-zA-Z]*/, "")
    .trim();
}
