// What the sim reads off meta-module prompts: Refine drafts, ReAct tool lists and trajectories.
import { describe, expect, it } from "vitest";
import type { SimField } from "../../src/sim/index.js";
import { readCorrections } from "../../src/sim/meta/answer-as-rewriter.js";
import { draftFieldNames, parseDraft } from "../../src/sim/meta/draft-values.js";
import { findSearchTool, readTools } from "../../src/sim/meta/read-tools.js";
import { readTrajectory, searchesOf } from "../../src/sim/meta/read-trajectory.js";

const fields: SimField[] = [
  { name: "queue", type: "enum", description: "", values: ["billing", "technical"] },
  { name: "urgent", type: "boolean", description: "" },
  { name: "note", type: "string", description: "" },
];

describe("Refine drafts", () => {
  it("decodes `name: value` lines by field type, keeps multi-line strings and skips unknown fields", () => {
    const draft = "reasoning: first I read it\nqueue: billing\nurgent: true\nnote: line one\nline two";
    expect(draftFieldNames(draft)).toEqual(["reasoning", "queue", "urgent", "note"]);
    expect(parseDraft(fields, draft)).toEqual({ queue: "billing", urgent: true, note: "line one\nline two" });
  });

  it("reads the values a critique names outright", () => {
    const feedback = "`urgent` looks like a slip: it should be `true`. `queue` should be `billing`.";
    expect(readCorrections(fields, feedback)).toEqual(
      new Map<string, unknown>([
        ["urgent", true],
        ["queue", "billing"],
      ]),
    );
  });
});

describe("ReAct prompts", () => {
  const system = [
    "Tools:",
    '(1) add: Adds. Arguments (JSON Schema): {"type":"object","properties":{"a":{"type":"number"}},"required":["a"]}',
    '(2) search: Finds passages. Arguments (JSON Schema): {"type":"object","properties":{"k":{"type":"number"},"note":{"type":"string"},"terms":{"type":"string"}},"required":["terms"]}',
    "(3) finish: Marks the task as complete. Arguments: {}",
  ].join("\n");

  it("lists the tools without finish and picks the first one taking a required string", () => {
    expect(readTools(system).map((tool) => tool.name)).toEqual(["add", "search"]);
    const found = findSearchTool(readTools(system));
    expect(found?.tool.name).toBe("search");
    expect(found?.argument).toBe("terms");
  });

  it("reads a trajectory's steps and the passages each search returned", () => {
    const trajectory = [
      'thought_1: look\ntool_name_1: search\ntool_args_1: {"terms":"Quarley"}\nobservation_1: ["A.","B."]',
      'thought_2: again\ntool_name_2: search\ntool_args_2: {"terms":"x"}\nobservation_2: Error: tool \'search\' failed: down',
      "thought_3: done\ntool_name_3: finish\ntool_args_3: {}\nobservation_3: Completed.",
    ].join("\n\n");
    const steps = readTrajectory(trajectory);
    expect(steps.map((step) => step.tool)).toEqual(["search", "search", "finish"]);
    expect(searchesOf(steps)).toEqual([
      { tool: "search", query: "Quarley", passages: ["A.", "B."], failed: false },
      { tool: "search", query: "x", passages: [], failed: true },
    ]);
    expect(readTrajectory("(no steps yet)")).toEqual([]);
  });
});
