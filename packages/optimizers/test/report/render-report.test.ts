import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type EvaluationResult, emptyTotals, MockLanguageModel, Predict, signature } from "@lathe/core";
import { describe, expect, it } from "vitest";
import {
  buildArtifact,
  type CompileReport,
  escapeHtml,
  renderReportHtml,
  renderReportMarkdown,
  runReportPaths,
  writeRunReport,
} from "../../src/index.js";

const EVIL = `<script>alert("x")</script> & 'quotes' | pipe`;

function evaluation(mean: number, count = 20): EvaluationResult {
  return {
    mean,
    ci: { low: mean - 0.1, high: mean + 0.1 },
    count,
    scores: [],
    results: [],
    errors: 0,
    usage: { total: emptyTotals(), byRole: {}, byModel: {}, byPredictor: {} },
    durationMs: 1,
  };
}

function fixture(candidateCount = 3) {
  const usage = {
    total: {
      ...emptyTotals(),
      calls: 120,
      cacheHits: 30,
      promptTokens: 5000,
      completionTokens: 900,
      costUsd: 0.0123,
    },
    byRole: {
      student: { ...emptyTotals(), calls: 100, cacheHits: 30, promptTokens: 4000, completionTokens: 600 },
      teacher: { ...emptyTotals(), calls: 20, promptTokens: 1000, completionTokens: 300, costUsd: 0.01 },
    },
    byModel: {},
    byPredictor: {},
  };
  const artifact = buildArtifact({
    program: new Predict(signature("question: string -> answer: string")),
    programName: `Evil${EVIL}`,
    state: {
      self: {
        instructions: `Answer well.\n${EVIL}\n\`\`\`\nnot the end`,
        demos: [{ question: "q", answer: "a" }],
      },
    },
    lm: new MockLanguageModel({ responses: "", provider: "sim", modelId: "small" }),
    teacher: new MockLanguageModel({ responses: "", provider: "sim", modelId: "large" }),
    adapter: "json",
    sampling: { temperature: 0 },
    optimizer: "random",
    config: {},
    seed: 7,
    trainset: [{ question: "q", answer: "a" }],
    valset: [{ question: "q", answer: "a" }],
    metric: "exact:answer",
    baseline: evaluation(0.35),
    final: evaluation(0.8),
    usage,
    notes: [`a note with ${EVIL}`],
    durationMs: 4200,
  });
  const candidates = Array.from({ length: candidateCount }, (_, index) => ({
    id: `random/${index === 1 ? EVIL : `c${index}`}`,
    optimizer: "random",
    label: index === 0 ? "zero-shot" : `bootstrap (${index} demos) ${EVIL}`,
    mean: [0.35, 0.8, 0.6][index % 3]!,
    ci: { low: 0.2, high: 0.9 },
    count: 20,
    vsBaseline: { mean: 0.1, ci: { low: -0.05, high: 0.25 } },
    demoCounts: { self: index },
    ...(index === 1 ? { chosen: true } : {}),
  }));
  const report: CompileReport = {
    program: artifact.program.name,
    optimizers: ["random"],
    baseline: artifact.compile.baseline,
    final: artifact.compile.final,
    improvement: { mean: 0.45, ci: { low: 0.3, high: 0.6 } },
    candidates,
    trajectory: candidates.map((_, index) => Math.max(...candidates.slice(0, index + 1).map((c) => c.mean))),
    usage,
    notes: artifact.compile.notes,
    stoppedByBudget: false,
    details: {},
    durationMs: 4200,
  };
  return { artifact, report };
}

describe("escapeHtml", () => {
  it("escapes the five significant characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("renderReportHtml", () => {
  const html = renderReportHtml(fixture());

  it("escapes every user string: no markup from names, labels, instructions or notes", () => {
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;");
    expect(html.match(/<script/g)).toBeNull();
  });

  it("is self-contained: inline style, no scripts, links or remote resources", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toMatch(/\s(src|href)=/);
  });

  it("holds the score trajectory chart with one dot per candidate and the chosen one marked", () => {
    const svg = /<svg[\s\S]*?<\/svg>/.exec(html)?.[0] ?? "";
    expect(svg).toContain('aria-label="Score trajectory"');
    expect(svg.match(/<circle class="candidate/g)).toHaveLength(3);
    expect(svg.match(/<circle class="candidate chosen"/g)).toHaveLength(1);
    expect(svg).toContain("<polyline");
    expect(svg).toContain("baseline 0.350");
    expect(svg).toContain("final 0.800");
  });

  it("lists the candidates, the chosen one highlighted, and usage by role", () => {
    expect(html).toContain("zero-shot");
    expect(html).toContain("random/c2");
    expect(html.match(/<tr class="chosen">/g)).toHaveLength(1);
    expect(html).toMatch(/<td>teacher<\/td><td class="num">20<\/td>/);
    expect(html).toMatch(/<td>student<\/td><td class="num">100<\/td><td class="num">30<\/td>/);
  });

  it("shows the baseline and final scores with their confidence intervals", () => {
    expect(html).toContain("0.350 (95% CI 0.250–0.450, n=20)");
    expect(html).toContain("0.800 (95% CI 0.700–0.900, n=20)");
    expect(html).toContain("+0.450 (95% CI +0.300 to +0.600)");
  });

  it("says so when no candidate was scored, and still draws the chart", () => {
    const empty = renderReportHtml(fixture(0));
    expect(empty).toContain("No candidates were scored.");
    expect(empty).toContain("<svg");
  });
});

describe("renderReportMarkdown", () => {
  const markdown = renderReportMarkdown(fixture());

  it("has the scores, the trajectory, a candidate table and usage", () => {
    expect(markdown).toContain("| Final (compiled) | 0.800 (95% CI 0.700–0.900, n=20) |");
    expect(markdown).toContain("Best validation score after each candidate: 0.350 → 0.800 → 0.800");
    expect(markdown).toMatch(/\| 2 \| random\/&lt;script>.* \| chosen \|/);
    expect(markdown).toContain("| teacher | 20 | 0 | 1000 | 300 | $0.0100 | $0.0000 | 0 |");
  });

  it("keeps table rows intact: pipes escaped, no raw HTML", () => {
    for (const line of markdown.split("\n").filter((row) => row.startsWith("| 2 |"))) {
      expect(line.split(/(?<!\\)\|/).length).toBe(10);
    }
    // Only fenced code (rendered literally) may hold raw markup.
    expect(markdown.replace(/(`{3,})text\n[\s\S]*?\n\1/g, "")).not.toContain("<script>");
  });

  it("fences instructions with a fence longer than any backtick run in them", () => {
    expect(markdown).toContain("````text\nAnswer well.");
    expect(markdown).toContain("not the end\n````");
  });
});

describe("writeRunReport", () => {
  it("writes both files next to the artifact", async () => {
    const directory = await mkdtemp(join(tmpdir(), "lathe-report-"));
    try {
      const paths = await writeRunReport(join(directory, "qa.artifact.json"), fixture());
      expect(paths).toEqual(runReportPaths(join(directory, "qa.artifact.json")));
      expect(paths.markdown).toBe(join(directory, "qa.artifact.report.md"));
      expect(await readFile(paths.html, "utf8")).toContain("<svg");
      expect(await readFile(paths.markdown, "utf8")).toMatch(/^# Lathe run report/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});
