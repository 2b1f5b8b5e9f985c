import { resolve } from "node:path";
import { loadArtifact } from "@lathe/core";
import { Command } from "commander";
import { diffArtifacts } from "../diff/diff-artifacts.js";
import { formatDiff } from "../diff/diff-lines.js";
import { preview } from "../inspect/field-text.js";
import { fixed, signed } from "../io/format.js";
import type { Output } from "../io/output.js";
import type { CommandContext } from "./command-context.js";

interface DiffFlags {
  readonly json?: boolean;
  readonly exitCode?: boolean;
}

export function diffCommand(context: CommandContext): Command {
  return new Command("diff")
    .summary("compare two artifacts: instructions, demos, scores, model and settings")
    .argument("<a>", "the old artifact (.json)")
    .argument("<b>", "the new artifact (.json)")
    .option("--exit-code", "exit with 1 when the artifacts differ (like git diff --exit-code)")
    .option("--json", "print the differences as JSON on stdout")
    .action((a: string, b: string, flags: DiffFlags) =>
      context.run(flags.json === true, async (output) => {
        const differs = await diff(a, b, output, context.cwd);
        if (differs && flags.exitCode) context.exitCode = 1;
      }),
    );
}

async function diff(aPath: string, bPath: string, output: Output, cwd: string): Promise<boolean> {
  const a = await loadArtifact(resolve(cwd, aPath));
  const b = await loadArtifact(resolve(cwd, bPath));
  const result = diffArtifacts(a, b);
  output.result({ a: aPath, b: bPath, ...result });
  output.line(`--- ${aPath}\n+++ ${bPath}`);
  if (result.same) {
    output.line("The artifacts are identical.");
    return false;
  }
  for (const change of result.changes) output.line(`${change.field}: ${change.a} → ${change.b}`);
  for (const [name, score] of Object.entries(result.scores)) {
    output.line(`${name} score: ${fixed(score.a)} → ${fixed(score.b)} (${signed(score.delta)})`);
  }
  for (const predictor of result.predictors) {
    if (predictor.only) {
      output.line(`\npredictor ${predictor.path}: only in ${predictor.only === "a" ? aPath : bPath}`);
      continue;
    }
    const demoChange = predictor.demosAdded.length + predictor.demosRemoved.length > 0;
    if (!predictor.instructions && !demoChange && !predictor.signatureChanged) {
      output.line(`\npredictor ${predictor.path}: unchanged`);
      continue;
    }
    output.line(`\npredictor ${predictor.path}:`);
    if (predictor.signatureChanged)
      output.line("  signature changed (the artifacts are for different program versions)");
    if (predictor.instructions)
      output.line(["  instructions:", ...formatDiff(predictor.instructions, "    ")].join("\n"));
    output.line(
      `  demos: ${predictor.demosAdded.length} added, ${predictor.demosRemoved.length} removed, ${predictor.demosKept} kept`,
    );
    showDemos(output, "-", predictor.demosRemoved);
    showDemos(output, "+", predictor.demosAdded);
  }
  return true;
}

const DEMOS_SHOWN = 5;

function showDemos(output: Output, mark: string, demos: readonly Record<string, unknown>[]): void {
  for (const demo of demos.slice(0, DEMOS_SHOWN))
    output.line(`    ${mark} ${preview(JSON.stringify(demo), 110)}`);
  if (demos.length > DEMOS_SHOWN)
    output.line(`    ${mark} … and ${demos.length - DEMOS_SHOWN} more (--json lists them all)`);
}
