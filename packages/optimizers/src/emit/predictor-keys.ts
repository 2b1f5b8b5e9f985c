/**
 * Splits a discovered predictor path into property keys and indices, the inverse of how
 * discovery joins them: `answer.predict` → ["answer", "predict"], `hops[1]` → ["hops", 1],
 * `experts["two words"]` → ["experts", "two words"], the root predictor `self` → [].
 */
export function predictorKeys(path: string): Array<string | number> {
  if (path === "self") return [];
  const keys: Array<string | number> = [];
  let rest = path;
  while (rest !== "") {
    const match = /^\.?([A-Za-z_$][A-Za-z0-9_$]*)/.exec(rest) ?? /^\[(\d+)\]/.exec(rest);
    if (match) {
      keys.push(match[0].startsWith("[") ? Number(match[1]) : match[1]!);
      rest = rest.slice(match[0].length);
      continue;
    }
    const quoted = /^\[("(?:[^"\\]|\\.)*")\]/.exec(rest);
    if (!quoted) throw new SyntaxError(`cannot read the predictor path ${JSON.stringify(path)}`);
    keys.push(JSON.parse(quoted[1]!) as string);
    rest = rest.slice(quoted[0].length);
  }
  return keys;
}
