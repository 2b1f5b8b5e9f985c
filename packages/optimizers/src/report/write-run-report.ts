import { writeFileAtomic } from "@lathe/core";
import { renderReportHtml } from "./render-html.js";
import { renderReportMarkdown } from "./render-markdown.js";
import type { RunReportInput } from "./run-report-input.js";

/** The report files written beside an artifact. */
export interface RunReportPaths {
  readonly markdown: string;
  readonly html: string;
}

/** `out/qa.artifact.json` → `out/qa.artifact.report.md` and `.report.html`. */
export function runReportPaths(artifactPath: string): RunReportPaths {
  const base = artifactPath.replace(/\.json$/i, "");
  return { markdown: `${base}.report.md`, html: `${base}.report.html` };
}

/** Writes the Markdown and HTML run reports next to the artifact; returns their paths. */
export async function writeRunReport(artifactPath: string, input: RunReportInput): Promise<RunReportPaths> {
  const paths = runReportPaths(artifactPath);
  await writeFileAtomic(paths.markdown, renderReportMarkdown(input));
  await writeFileAtomic(paths.html, renderReportHtml(input));
  return paths;
}
