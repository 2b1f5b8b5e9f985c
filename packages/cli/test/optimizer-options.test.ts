import { describe, expect, it } from "vitest";
import {
  buildOptimizers,
  OPTIMIZERS,
  parseOpt,
  parseOptValue,
  planOptimizers,
  UsageError,
} from "../src/index.js";

describe("parseOptValue", () => {
  it("parses booleans, null, numbers and JSON; anything else stays a string", () => {
    expect(parseOptValue("true")).toBe(true);
    expect(parseOptValue("false")).toBe(false);
    expect(parseOptValue("null")).toBeNull();
    expect(parseOptValue("0")).toBe(0);
    expect(parseOptValue("-2.5")).toBe(-2.5);
    expect(parseOptValue("1e3")).toBe(1000);
    expect(parseOptValue(".5")).toBe(0.5);
    expect(parseOptValue('{"a":[1,2]}')).toEqual({ a: [1, 2] });
    expect(parseOptValue("[1, 2]")).toEqual([1, 2]);
    expect(parseOptValue('"42"')).toBe("42");
    expect(parseOptValue("medium")).toBe("medium");
    expect(parseOptValue("12abc")).toBe("12abc");
    expect(parseOptValue("a=b")).toBe("a=b");
  });

  it("rejects malformed JSON with the reason", () => {
    expect(() => parseOptValue("{oops")).toThrow(/not valid JSON/);
  });
});

describe("parseOpt", () => {
  it("splits key=value at the first '=' and reads an optimizer scope", () => {
    expect(parseOpt("auto=medium")).toMatchObject({ scope: undefined, key: "auto", value: "medium" });
    expect(parseOpt("mipro.maxDemos=0")).toMatchObject({ scope: "mipro", key: "maxDemos", value: 0 });
    expect(parseOpt("taskDescription=a=b")).toMatchObject({ key: "taskDescription", value: "a=b" });
  });

  it("rejects a missing '=' or a malformed name", () => {
    expect(() => parseOpt("auto")).toThrow(UsageError);
    expect(() => parseOpt("=3")).toThrow(/not key=value/);
    expect(() => parseOpt("max demos=3")).toThrow(/is not an option name/);
  });
});

describe("planOptimizers", () => {
  it("builds a pipeline and gives unscoped options to every stage that accepts them", () => {
    const plans = planOptimizers("bootstrap,random", [
      parseOpt("maxBootstrappedDemos=2"),
      parseOpt("numCandidates=3"),
    ]);
    expect(plans.map((plan) => plan.entry.name)).toEqual(["bootstrap", "random"]);
    expect(plans[0]!.options).toEqual({ maxBootstrappedDemos: 2 });
    expect(plans[1]!.options).toEqual({ maxBootstrappedDemos: 2, numCandidates: 3 });
  });

  it("gives scoped options to their stage only", () => {
    const plans = planOptimizers("bootstrap,random", [parseOpt("random.maxBootstrappedDemos=1")]);
    expect(plans[0]!.options).toEqual({});
    expect(plans[1]!.options).toEqual({ maxBootstrappedDemos: 1 });
  });

  it("never ignores an option: unknown keys and scopes are errors, with a suggestion", () => {
    expect(() => planOptimizers("bootstrap", [parseOpt("maxBootstrapedDemos=1")])).toThrow(
      /unknown option 'maxBootstrapedDemos'.*did you mean 'maxBootstrappedDemos'\?/,
    );
    expect(() => planOptimizers("bootstrap", [parseOpt("mipro.auto=light")])).toThrow(
      /scoped to 'mipro', which is not in --optimizer bootstrap/,
    );
    expect(() => planOptimizers("labeled", [parseOpt("numCandidates=3")])).toThrow(/options are labeled: k/);
  });

  it("rejects an unknown optimizer, naming the known ones", () => {
    expect(() => planOptimizers("bootstrap,magic", [])).toThrow(
      /unknown optimizer 'magic'; use one of labeled, bootstrap, random, mipro, metaprompt, opro, gepa/,
    );
  });

  it("applies inherited defaults (known keys only), then --opt over them", () => {
    const plans = planOptimizers("random", [parseOpt("numCandidates=2")], {
      defaults: { random: { numCandidates: 16, maxLabeledDemos: 4, resolvedOnly: true } },
      automatic: { random: { stopAtScore: 1 } },
    });
    expect(plans[0]!.options).toEqual({ stopAtScore: 1, numCandidates: 2, maxLabeledDemos: 4 });
  });
});

describe("buildOptimizers", () => {
  it("constructs every optimizer the CLI lists, with its options", () => {
    const optimizers = buildOptimizers(planOptimizers(OPTIMIZERS.map((entry) => entry.name).join(","), []));
    expect(optimizers.map((optimizer) => optimizer.name)).toEqual(OPTIMIZERS.map((entry) => entry.name));
    const [labeled] = buildOptimizers(planOptimizers("labeled", [parseOpt("k=3")]));
    expect(labeled!.config).toEqual({ k: 3 });
    const [mipro] = buildOptimizers(
      planOptimizers("mipro", [parseOpt("auto=medium"), parseOpt("maxDemos=0")]),
    );
    expect(mipro!.config).toMatchObject({ auto: "medium", numCandidates: 12, maxBootstrappedDemos: 0 });
  });

  it("turns a rejected value into a usage error naming the optimizer", () => {
    expect(() => buildOptimizers(planOptimizers("labeled", [parseOpt("k=-1")]))).toThrow(
      /--opt for labeled: k must be/,
    );
    expect(() => buildOptimizers(planOptimizers("mipro", [parseOpt("auto=huge")]))).toThrow(UsageError);
  });
});
