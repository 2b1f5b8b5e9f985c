import { escapeHtml } from "./escape-html.js";
import type { ReflectiveSections } from "./reflective-sections.js";
import { reportSections } from "./report-sections.js";
import type { RunReportInput } from "./run-report-input.js";
import { renderScoreChart } from "./score-chart.js";

const STYLE = `
body { font: 14px/1.5 system-ui, sans-serif; margin: 2rem auto; max-width: 1100px; padding: 0 1rem; color: #1d2430; }
h1 { font-size: 1.5rem; } h2 { font-size: 1.15rem; margin-top: 2rem; border-bottom: 1px solid #dde2ea; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { padding: .3rem .6rem; border-bottom: 1px solid #e6e9ef; text-align: left; vertical-align: top; }
th { background: #f4f6f9; } tr.chosen td { background: #eaf7ee; font-weight: 600; }
td.num { text-align: right; font-variant-numeric: tabular-nums; }
pre { white-space: pre-wrap; background: #f6f8fa; padding: .6rem; border-radius: 4px; }
.chart .grid { stroke: #e6e9ef; } .chart .tick, .chart .label, .chart .axis { font-size: 11px; fill: #5b6473; }
.chart .baseline { stroke: #9aa3b2; stroke-dasharray: 5 4; } .chart .best { fill: none; stroke: #2f6fdb; stroke-width: 2; }
.chart .candidate { fill: #7aa6ef; } .chart .chosen { fill: #1f9d55; } .chart .final { fill: #1f9d55; stroke: #fff; }
`;

/** The run report as one self-contained HTML page: inline CSS and SVG, no scripts, no network. */
export function renderReportHtml(input: RunReportInput): string {
  const sections = reportSections(input);
  const body = [
    `<h1>${escapeHtml(sections.title)}</h1>`,
    keyValueTable(sections.summary),
    "<h2>Scores</h2>",
    keyValueTable(sections.scores),
    "<h2>Score trajectory</h2>",
    renderScoreChart(input.report),
    "<h2>Candidates</h2>",
    sections.candidates.rows.length === 0
      ? "<p>No candidates were scored.</p>"
      : table(sections.candidates.header, sections.candidates.rows, sections.chosen),
    ...reflectiveHtml(sections.reflective),
    "<h2>Usage by role</h2>",
    table(sections.usage.header, sections.usage.rows),
    "<h2>Predictors</h2>",
    ...sections.predictors.map(
      (predictor) =>
        `<h3><code>${escapeHtml(predictor.path)}</code> (${predictor.demos} demos)</h3><pre>${escapeHtml(predictor.instructions)}</pre>`,
    ),
    "<h2>Notes</h2>",
    sections.notes.length === 0
      ? "<p>None.</p>"
      : `<ul>${sections.notes.map((note) => `<li>${escapeHtml(note)}</li>`).join("")}</ul>`,
  ];
  return [
    "<!doctype html>",
    '<html lang="en">',
    `<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(sections.title)}</title><style>${STYLE}</style></head>`,
    `<body>${body.join("\n")}</body>`,
    "</html>",
    "",
  ].join("\n");
}

/** MetaPrompt's hypotheses and GEPA's lineage and proposals, each only when that optimizer ran. */
function reflectiveHtml({ hypotheses, gepa }: ReflectiveSections): string[] {
  const parts: string[] = [];
  if (hypotheses) parts.push("<h2>MetaPrompt hypotheses</h2>", table(hypotheses.header, hypotheses.rows));
  if (gepa) {
    parts.push(
      "<h2>GEPA lineage</h2>",
      `<p>${escapeHtml(gepa.summary)}</p>`,
      table(gepa.lineage.header, gepa.lineage.rows),
      "<h3>GEPA proposals</h3>",
      table(gepa.proposals.header, gepa.proposals.rows),
    );
  }
  return parts;
}

function keyValueTable(rows: ReadonlyArray<readonly [string, string]>): string {
  return `<table>${rows.map(([key, value]) => `<tr><th>${escapeHtml(key)}</th><td>${escapeHtml(value)}</td></tr>`).join("")}</table>`;
}

function table(
  header: readonly string[],
  rows: ReadonlyArray<readonly string[]>,
  chosen: readonly boolean[] = [],
): string {
  const head = `<tr>${header.map((cell) => `<th>${escapeHtml(cell)}</th>`).join("")}</tr>`;
  const cells = (row: readonly string[]) =>
    row
      .map((cell) => `<td${/^[+-]?[\d.]+$/.test(cell) ? ' class="num"' : ""}>${escapeHtml(cell)}</td>`)
      .join("");
  const body = rows.map((row, index) => `<tr${chosen[index] ? ' class="chosen"' : ""}>${cells(row)}</tr>`);
  return `<table>${head}${body.join("")}</table>`;
}
