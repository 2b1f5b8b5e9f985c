import type { ReflectiveSections } from "./reflective-sections.js";
import { reportSections } from "./report-sections.js";
import { formatNumber, type RunReportInput } from "./run-report-input.js";

/** The run report as GitHub-flavoured Markdown. */
export function renderReportMarkdown(input: RunReportInput): string {
  const sections = reportSections(input);
  const lines: string[] = [`# ${inline(sections.title)}`, ""];
  lines.push(...table(["", ""], sections.summary), "");
  lines.push("## Scores", "", ...table(["", "Score"], sections.scores), "");
  lines.push("## Score trajectory", "");
  lines.push(
    sections.trajectory.length === 0
      ? "No candidates were scored."
      : `Best validation score after each candidate: ${sections.trajectory.map((value) => formatNumber(value)).join(" → ")}`,
    "",
  );
  lines.push("## Candidates", "");
  lines.push(
    ...(sections.candidates.rows.length === 0
      ? ["No candidates were scored."]
      : table(sections.candidates.header, sections.candidates.rows)),
    "",
  );
  lines.push(...reflectiveMarkdown(sections.reflective));
  lines.push("## Usage by role", "", ...table(sections.usage.header, sections.usage.rows), "");
  lines.push("## Predictors", "");
  for (const predictor of sections.predictors) {
    lines.push(
      `### \`${predictor.path.replace(/`/g, "'")}\` (${predictor.demos} demos)`,
      "",
      fenced(predictor.instructions),
      "",
    );
  }
  lines.push("## Notes", "");
  lines.push(
    ...(sections.notes.length === 0 ? ["None."] : sections.notes.map((note) => `- ${inline(note)}`)),
    "",
  );
  return lines.join("\n");
}

/** MetaPrompt's hypotheses and GEPA's lineage and proposals, each only when that optimizer ran. */
function reflectiveMarkdown({ hypotheses, gepa }: ReflectiveSections): string[] {
  const lines: string[] = [];
  if (hypotheses) {
    lines.push("## MetaPrompt hypotheses", "", ...table(hypotheses.header, hypotheses.rows), "");
  }
  if (gepa) {
    lines.push(
      "## GEPA lineage",
      "",
      inline(gepa.summary),
      "",
      ...table(gepa.lineage.header, gepa.lineage.rows),
      "",
    );
    lines.push("### GEPA proposals", "", ...table(gepa.proposals.header, gepa.proposals.rows), "");
  }
  return lines;
}

function table(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string[] {
  return [
    `| ${header.map(inline).join(" | ")} |`,
    `| ${header.map(() => "---").join(" | ")} |`,
    ...rows.map((row) => `| ${row.map(inline).join(" | ")} |`),
  ];
}

/** One line of Markdown text: no line breaks, table pipes escaped, no HTML tags. */
function inline(text: string): string {
  return text
    .replace(/\r?\n|\r|\u2028|\u2029/g, " ")
    .replace(/\\/g, "\\\\")
    .replace(/\|/g, "\\|")
    .replace(/</g, "&lt;");
}

/** A fenced block longer than any backtick run inside the text, so it cannot be closed early. */
function fenced(text: string): string {
  const longest = Math.max(2, ...[...text.matchAll(/`+/g)].map((match) => match[0].length));
  const fence = "`".repeat(longest + 1);
  return `${fence}text\n${text}\n${fence}`;
}
