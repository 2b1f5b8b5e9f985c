import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRng, sample } from "@lathe/core";
import { describe, expect, it } from "vitest";
import {
  generateDataset,
  getSimTask,
  mentionedRuleIds,
  mentionsRule,
  searchSimCorpus,
  simCorpus,
  simTasks,
  writeSplits,
} from "../../src/sim/index.js";
import { ruleContrast } from "../../src/sim/knowledge/rule-contrast.js";
import { towns } from "../../src/sim/tasks/town-qa/town-corpus.js";

const tasks = Object.values(simTasks);

describe.each(tasks.map((task) => [task.name, task] as const))("sim task %s", (_name, task) => {
  const rows = generateDataset(task, { seed: 11, size: 600 });

  it("declares 3–6 rules, common and rare, each deciding some output field", () => {
    expect(task.rules.length).toBeGreaterThanOrEqual(3);
    expect(task.rules.length).toBeLessThanOrEqual(6);
    expect(task.rules.some((rule) => rule.kind === "common")).toBe(true);
    expect(task.rules.some((rule) => rule.kind === "rare")).toBe(true);
    const outputs = task.stages.flatMap((stage) => stage.outputs.map((field) => field.name));
    for (const rule of task.rules) for (const field of rule.fields) expect(outputs).toContain(field);
  });

  it("recognises every canonical sentence and observation of a rule, and nothing else", () => {
    for (const rule of task.rules) {
      for (const sentence of [...rule.sentences, rule.observation])
        expect(mentionsRule(rule, sentence)).toBe(true);
      const others = task.rules.filter((other) => other !== rule).flatMap((other) => other.sentences);
      expect(mentionsRule(rule, others.join(" "))).toBe(false);
    }
    for (const stage of task.stages) expect(mentionedRuleIds(task.rules, stage.instruction)).toEqual([]);
    expect(mentionedRuleIds(task.rules, task.instruction)).toEqual([]);
  });

  it("generates the same rows for the same seed, with ids, every field and distinct inputs", () => {
    expect(generateDataset(task, { seed: 11, size: 50 })).toEqual(rows.slice(0, 50));
    expect(generateDataset(task, { seed: 12, size: 50 })).not.toEqual(rows.slice(0, 50));
    const fields = [...task.inputs, ...task.intermediate, ...task.outputs].map((field) => field.name);
    for (const row of rows) expect(Object.keys(row)).toEqual(["id", ...fields]);
    expect(new Set(rows.map((row) => row.id)).size).toBe(rows.length);
    const inputs = rows.map((row) => JSON.stringify(task.inputs.map((field) => row[field.name])));
    expect(new Set(inputs).size).toBe(rows.length);
  });

  it("triggers common rules in ~20–40% and rare rules in ~5–10% of rows", () => {
    for (const rule of task.rules) {
      const share = rows.filter((row) => rule.applies(row)).length / rows.length;
      if (rule.kind === "common") expect(share, rule.id).toBeGreaterThanOrEqual(0.14);
      if (rule.kind === "common") expect(share, rule.id).toBeLessThanOrEqual(0.42);
      if (rule.kind === "rare") expect(share, rule.id).toBeGreaterThanOrEqual(0.04);
      if (rule.kind === "rare") expect(share, rule.id).toBeLessThanOrEqual(0.11);
    }
  });

  it("makes every triggered rule matter: the wrong default differs from the gold output", () => {
    for (const stage of task.stages) {
      for (const rule of stage.rules) {
        const triggered = rows.filter((row) => rule.applies(row));
        for (const row of triggered)
          expect(ruleContrast(stage, rule, row).length, `${rule.id}: ${row.id}`).toBeGreaterThan(0);
      }
    }
  });

  it("seldom shows a rare rule in a random 4-demo set from the train split", () => {
    const train = rows.slice(0, 200);
    const rng = createRng("demo-sets");
    const sets = Array.from({ length: 300 }, () => sample(train, 4, rng));
    for (const rule of task.rules) {
      const share = sets.filter((set) => set.some((row) => rule.applies(row))).length / sets.length;
      if (rule.kind === "rare") expect(share, rule.id).toBeLessThan(0.4);
      if (rule.kind === "common") expect(share, rule.id).toBeGreaterThan(0.45);
    }
  });

  it("scores gold outputs 1 and explains a wrong field in its feedback", () => {
    const row = rows[0]!;
    expect(task.score(row, row)).toEqual({ score: 1 });
    const field = task.outputs[0]!.name;
    const wrong = task.score(row, { ...row, [field]: "nonsense" });
    expect(wrong.score).toBeLessThan(1);
    expect(wrong.feedback).toContain(`${field}: expected ${JSON.stringify(row[field])}`);
  });
});

describe("writeSplits", () => {
  it("writes disjoint train/dev/test JSONL files atomically", async () => {
    const directory = await mkdtemp(join(tmpdir(), "lathe-sim-"));
    try {
      const task = getSimTask("ticket-triage");
      const paths = await writeSplits(task, join(directory, "triage"), {
        seed: 3,
        train: 20,
        dev: 15,
        test: 10,
      });
      const read = async (path: string) =>
        (await readFile(path, "utf8"))
          .trim()
          .split("\n")
          .map((line) => JSON.parse(line) as { id: string; ticket: string });
      const [train, dev, test] = await Promise.all([read(paths.train), read(paths.dev), read(paths.test)]);
      expect([train.length, dev.length, test.length]).toEqual([20, 15, 10]);
      expect(new Set([...train, ...dev, ...test].map((row) => row.ticket)).size).toBe(45);
      expect(await readdir(join(directory, "triage"))).toEqual(["dev.jsonl", "test.jsonl", "train.jsonl"]);
      expect([...train, ...dev, ...test]).toEqual(generateDataset(task, { seed: 3, size: 45 }));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it("names the known tasks when asked for an unknown one", () => {
    expect(() => getSimTask("nope")).toThrow(/ticket-triage/);
  });
});

describe("town corpus", () => {
  it("finds a town's passage by its official name but not by its nickname", () => {
    expect(simCorpus.length).toBe(2 * towns.length);
    for (const town of towns) {
      expect(searchSimCorpus(town.name).some((passage) => passage.startsWith(`${town.name} is a town`))).toBe(
        true,
      );
      expect(
        searchSimCorpus(town.nickname).some((passage) => passage.includes(`${town.name} is a town`)),
      ).toBe(false);
      expect(searchSimCorpus(town.nickname)[0]).toContain(`nickname for ${town.name}`);
    }
    expect(searchSimCorpus("zzz unrelated")).toEqual([]);
    expect(searchSimCorpus(towns[0]!.name, { k: 1 })).toHaveLength(1);
  });
});
