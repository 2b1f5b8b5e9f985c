/** A GitHub-flavoured Markdown table; columns whose header ends with a space are right-aligned. */
export function markdownTable(headers: readonly string[], rows: readonly (readonly unknown[])[]): string {
  const right = headers.map((header) => header.endsWith(" "));
  const cells = rows.map((row) => row.map((cell) => (cell === undefined ? "" : String(cell))));
  const head = `| ${headers.map((header) => header.trim()).join(" | ")} |`;
  const rule = `| ${right.map((isRight) => (isRight ? "---:" : "---")).join(" | ")} |`;
  return [head, rule, ...cells.map((row) => `| ${row.join(" | ")} |`)].join("\n");
}

export const fixed = (value: number, digits = 2) => (Number.isFinite(value) ? value.toFixed(digits) : "–");
export const percent = (value: number, digits = 1) =>
  Number.isFinite(value) ? `${(100 * value).toFixed(digits)}%` : "–";
