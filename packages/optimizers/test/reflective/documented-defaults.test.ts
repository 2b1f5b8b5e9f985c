import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GEPA, MetaPrompt, OPRO } from "../../src/index.js";

/**
 * The `@default` of each option in an optimizer's options interface, for options whose default
 * is a literal (a number or a boolean); descriptive defaults ("no limit") are left out.
 */
function documentedDefaults(sourceFile: string): Record<string, number | boolean> {
  const source = readFileSync(new URL(sourceFile, import.meta.url), "utf8");
  const options = /export interface \w+Options \{([\s\S]*?)\n\}/.exec(source)?.[1] ?? "";
  const found: Record<string, number | boolean> = {};
  for (const match of options.matchAll(/@default ([^\s*]+)[^/]*?\*\/\s*readonly (\w+)\?/g)) {
    const [, value, name] = match as unknown as [string, string, string];
    if (/^-?\d+(\.\d+)?$/.test(value)) found[name] = Number(value);
    else if (value === "true" || value === "false") found[name] = value === "true";
    else if (/^`(true|false)`$/.test(value)) found[name] = value === "`true`";
  }
  return found;
}

describe("documented option defaults", () => {
  it.each([
    ["MetaPrompt", "../../src/metaprompt/metaprompt.ts", new MetaPrompt().config, 4],
    ["OPRO", "../../src/opro/opro.ts", new OPRO().config, 7],
    ["GEPA", "../../src/gepa/gepa.ts", new GEPA().config, 6],
  ])("%s's @default tags match the defaults it runs with", (_, file, config, literalDefaults) => {
    const documented = documentedDefaults(file);
    expect(Object.keys(documented)).toHaveLength(literalDefaults);
    for (const [name, value] of Object.entries(documented))
      expect([name, config[name]]).toEqual([name, value]);
  });
});
