import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createProject, lathe } from "./support/cli-project.js";
import { networkReferences } from "./support/self-contained-html.js";

const PROGRAM = `import { Predict, signature } from "@lathe/core";
export const triage = new Predict(signature(
  "ticket: string -> queue: enum(billing|technical|account), urgent: boolean",
  "Route the support ticket and flag whether it is urgent.",
));
`;

const CANDIDATES = 3;

interface CompileJson {
  artifact: string;
  report: { markdown: string; html: string };
  candidates: number;
  usage: { total: { calls: number } };
}

const count = (text: string, pattern: RegExp) => text.match(pattern)?.length ?? 0;

describe("networkReferences", () => {
  it("finds what a page would fetch, and nothing in an inline page", () => {
    const page = `<link rel="stylesheet" href="https://cdn.example/x.css"><script src="//cdn.example/x.js"></script>
<img src="http://example.com/a.png"><style>body { background: url("https://example.com/b.png") }</style>`;
    const found = networkReferences(page).join("\n");
    for (const url of ["https://cdn.example/x.css", "//cdn.example/x.js", "http://example.com/a.png"]) {
      expect(found).toContain(url);
    }
    expect(found).toContain('url("https://example.com/b.png")');
    expect(networkReferences('<svg><circle r="3"/></svg><a href="#scores">scores</a>')).toEqual([]);
  });
});

// Child processes: generous timeouts, so a busy machine slows these tests down without failing them.
describe("the run report written next to every artifact", { timeout: 120_000 }, () => {
  let project: string;
  let compiled: CompileJson;
  let html: string;
  let markdown: string;

  beforeAll(async () => {
    project = await createProject("lathe-cli-report-");
    await writeFile(join(project, "triage.ts"), PROGRAM);
    const data = await lathe(project, [
      ..."sim data ticket-triage --out data --train 8 --dev 8 --test 1 --seed 2".split(" "),
    ]);
    expect(data.code, data.stderr).toBe(0);
    const run = await lathe(project, [
      "compile",
      "triage.ts#triage",
      ..."--train data/train.jsonl --val data/dev.jsonl --metric exact:queue,urgent".split(" "),
      ..."--optimizer random --lm sim/small --teacher sim/large --no-cache".split(" "),
      ...["--opt", `numCandidates=${CANDIDATES}`, "--out", "out/triage.json", "--json"],
    ]);
    expect(run.code, run.stderr).toBe(0);
    compiled = run.json<CompileJson>();
    html = await readFile(compiled.report.html, "utf8");
    markdown = await readFile(compiled.report.markdown, "utf8");
  }, 120_000);
  afterAll(() => rm(project, { recursive: true, force: true }));

  it("sits beside the artifact as <name>.report.md and <name>.report.html", () => {
    expect(compiled.report).toEqual({
      markdown: join(project, "out", "triage.report.md"),
      html: join(project, "out", "triage.report.html"),
    });
    expect(compiled.candidates).toBeGreaterThan(0);
  });

  it("the HTML page is self-contained: inline styles and SVG, no scripts, nothing fetched", () => {
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<style>");
    expect(html).not.toMatch(/<script\b/i);
    expect(networkReferences(html)).toEqual([]);
  });

  it("the HTML page charts the score trajectory with one dot per candidate", () => {
    const chart = html.match(/<svg class="chart"[\s\S]*?<\/svg>/)?.[0] ?? "";
    expect(chart).toContain('class="baseline"');
    expect(chart).toContain('class="best"');
    expect(count(chart, /<circle class="candidate/g)).toBe(compiled.candidates);
  });

  it("the HTML page has the candidate table (the chosen row marked) and usage by role", () => {
    const candidates = html.split("<h2>Candidates</h2>")[1]!.split("<h2>")[0]!;
    expect(count(candidates, /<tr/g)).toBe(compiled.candidates + 1);
    expect(count(candidates, /<tr class="chosen">/g)).toBe(1);
    const usage = html.split("<h2>Usage by role</h2>")[1]!.split("<h2>")[0]!;
    for (const role of ["student", "teacher", "total"]) expect(usage).toContain(`<td>${role}</td>`);
    expect(usage).toContain(`<td class="num">${compiled.usage.total.calls}</td>`);
  });

  it("the Markdown report has the same sections and the candidate rows", () => {
    for (const heading of ["Scores", "Score trajectory", "Candidates", "Usage by role", "Predictors"]) {
      expect(markdown).toContain(`## ${heading}\n`);
    }
    const candidates = markdown.split("## Candidates\n")[1]!.split("## ")[0]!;
    expect(count(candidates, /^\| \d+ \|/gm)).toBe(compiled.candidates);
    expect(markdown).toMatch(new RegExp(`^\\| total \\| ${compiled.usage.total.calls} \\|`, "m"));
  });
});
