import { MemoryCache, Predict } from "@lathe/core";
import { describe, expect, it } from "vitest";
import {
  compile,
  GEPA,
  MetaPrompt,
  type Optimizer,
  renderReportHtml,
  renderReportMarkdown,
} from "../../src/index.js";
import {
  answerWithFeedback,
  keywordExamples,
  keywordStudent,
  Reverse,
  scriptedTeacher,
} from "../reflective/keyword-task.js";

const reversing = "Reverse the `question` letter by letter.";

/** A compile of the keyword task whose teacher first proposes a tying rewrite, then the right one. */
function compileWith(optimizer: Optimizer, replies: Record<string, string>[]) {
  return compile(new Predict(Reverse), {
    optimizer,
    trainset: keywordExamples(6, 100),
    valset: keywordExamples(10),
    metric: answerWithFeedback,
    lm: keywordStudent(),
    teacher: scriptedTeacher(replies),
    seed: 2,
    cache: new MemoryCache(),
  });
}

describe("run report of the teacher-driven optimizers", () => {
  it("renders MetaPrompt's hypotheses with each rewrite, its score and verdict", async () => {
    const run = await compileWith(new MetaPrompt({ numRounds: 3 }), [
      { hypothesis: "The <answer> is too long.", improved_instructions: "Reply to the `question`." },
      { hypothesis: "The answer is the question reversed.", improved_instructions: reversing },
    ]);
    const markdown = renderReportMarkdown(run);
    const section = markdown.split("## MetaPrompt hypotheses\n\n")[1]!.split("\n\n")[0]!;
    expect(section.split("\n")).toEqual([
      "| Round | Step | Hypothesis | Rewrite | Score | Parent score | Verdict |",
      "| --- | --- | --- | --- | --- | --- | --- |",
      "| 1 | self | The &lt;answer> is too long. | Reply to the `question`. | 0.500 | 0.500 | rejected: does not beat its parent on the same examples |",
      "| 2 | self | The answer is the question reversed. | Reverse the `question` letter by letter. | 1.000 | 0.500 | accepted |",
    ]);
    expect(markdown).not.toContain("## GEPA lineage");

    const html = renderReportHtml(run);
    expect(html).toContain("<h2>MetaPrompt hypotheses</h2>");
    expect(html).toContain("<td>The &lt;answer&gt; is too long.</td>");
    expect(html).toContain("<td>accepted</td>");
    expect(html).not.toContain("GEPA lineage");
  });

  it("renders GEPA's lineage, parent to child with valset means, and every proposal", async () => {
    const run = await compileWith(new GEPA({ maxMetricCalls: 60, skipPerfect: false }), [
      { new_instruction: "Reply to the `question`." },
      { new_instruction: reversing },
    ]);
    const markdown = renderReportMarkdown(run);
    const lineage = markdown.split("## GEPA lineage\n\n")[1]!.split("\n\n");
    expect(lineage[0]).toBe(
      "2 proposal(s) made, 1 accepted into the pool, 0 skipped; best gepa/1; 34 of 60 budgeted calls used (32 metric, 2 teacher).",
    );
    expect(lineage[1]!.split("\n")).toEqual([
      "| Candidate | Lineage (valset mean) | Origin | Minibatch sum (parent → child) |",
      "| --- | --- | --- | --- |",
      "| gepa/0 | gepa/0 (0.500) | seed |  |",
      expect.stringMatching(
        /^\| gepa\/1 \| gepa\/0 \(0\.500\) → gepa\/1 \(1\.000\) \| reflection on `self` \| [0-2]\.000 → 3\.000 \|$/,
      ),
    ]);
    const proposals = markdown.split("### GEPA proposals\n\n")[1]!.split("\n\n")[0]!.split("\n");
    expect(proposals.slice(2)).toEqual([
      expect.stringMatching(
        /^\| 1 \| reflection \| gepa\/0 \| self \| ([0-2])\.000 → \1\.000 \| rejected: minibatch sum \d does not beat the parent's \d \| Reply to the `question`\. \|$/,
      ),
      expect.stringMatching(
        /^\| 2 \| reflection \| gepa\/0 \| self \| [0-2]\.000 → 3\.000 \| accepted as gepa\/1 \| Reverse the/,
      ),
    ]);
    expect(markdown).not.toContain("## MetaPrompt hypotheses");

    const html = renderReportHtml(run);
    expect(html).toContain("<h2>GEPA lineage</h2>");
    expect(html).toContain("<td>gepa/0 (0.500) → gepa/1 (1.000)</td>");
    expect(html).toContain("<h3>GEPA proposals</h3>");
    expect(html).toContain("<td>accepted as gepa/1</td>");
  });
});
