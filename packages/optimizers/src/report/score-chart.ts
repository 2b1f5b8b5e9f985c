import type { CompileReport } from "../compile/compile-report.js";
import { escapeHtml } from "./escape-html.js";
import { formatNumber } from "./run-report-input.js";

const WIDTH = 640;
const HEIGHT = 260;
const MARGIN = { top: 20, right: 110, bottom: 36, left: 48 };

/**
 * An inline SVG of the search: every candidate's validation mean as a dot, the best score so far
 * as a step line, the baseline as a dashed line and the final score as a marker. No scripts, no
 * external references; every label is escaped.
 */
export function renderScoreChart(report: CompileReport): string {
  const candidates = report.candidates;
  const values = [
    report.baseline.mean,
    report.final.mean,
    ...candidates.map((candidate) => candidate.mean),
  ].filter(Number.isFinite);
  const low = Math.min(0, ...values);
  const high = Math.max(1, ...values);
  const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const steps = Math.max(candidates.length, 1);
  const x = (index: number) =>
    MARGIN.left + (steps === 1 ? plotWidth / 2 : (index / (steps - 1)) * plotWidth);
  const y = (value: number) => MARGIN.top + (1 - (value - low) / (high - low)) * plotHeight;
  const parts: string[] = [];

  for (let tick = 0; tick <= 4; tick++) {
    const value = low + ((high - low) * tick) / 4;
    parts.push(
      `<line class="grid" x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${y(value)}" y2="${y(value)}"/>`,
      `<text class="tick" x="${MARGIN.left - 6}" y="${y(value) + 4}" text-anchor="end">${formatNumber(value, 2)}</text>`,
    );
  }
  const baselineY = y(report.baseline.mean);
  parts.push(
    `<line class="baseline" x1="${MARGIN.left}" x2="${MARGIN.left + plotWidth}" y1="${baselineY}" y2="${baselineY}"/>`,
    `<text class="label" x="${MARGIN.left + plotWidth + 6}" y="${baselineY + 4}">baseline ${formatNumber(report.baseline.mean)}</text>`,
  );
  if (report.trajectory.length > 0) {
    const points = report.trajectory.map((best, index) => `${x(index)},${y(best)}`).join(" ");
    parts.push(`<polyline class="best" points="${points}"/>`);
  }
  candidates.forEach((candidate, index) => {
    const title = `${candidate.id} — ${candidate.label}: ${formatNumber(candidate.mean)}`;
    parts.push(
      `<circle class="candidate${candidate.chosen ? " chosen" : ""}" cx="${x(index)}" cy="${y(candidate.mean)}" r="${candidate.chosen ? 5 : 3.5}"><title>${escapeHtml(title)}</title></circle>`,
    );
  });
  const finalY = y(report.final.mean);
  parts.push(
    `<circle class="final" cx="${MARGIN.left + plotWidth}" cy="${finalY}" r="5"><title>final ${formatNumber(report.final.mean)}</title></circle>`,
    `<text class="label final-label" x="${MARGIN.left + plotWidth + 10}" y="${finalY - 6}">final ${formatNumber(report.final.mean)}</text>`,
    `<text class="axis" x="${MARGIN.left + plotWidth / 2}" y="${HEIGHT - 6}" text-anchor="middle">${
      candidates.length === 0 ? "no candidates were scored" : `candidates in order (${candidates.length})`
    }</text>`,
  );
  return `<svg class="chart" role="img" aria-label="Score trajectory" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}">${parts.join("")}</svg>`;
}
