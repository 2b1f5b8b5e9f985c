/** A `pnpm lathe ...` command found in a README, split into argv as a POSIX shell would. */
export interface ReadmeCommand {
  /** The command as written (continuation lines joined), for failure messages. */
  readonly text: string;
  /** The arguments after `pnpm lathe` (or `lathe`). */
  readonly args: readonly string[];
}

/** The text of the `## <heading>` section, up to the next `## ` heading. */
export function markdownSection(markdown: string, heading: string): string {
  const start = markdown.search(new RegExp(`^## ${heading}\\s*$`, "m"));
  if (start < 0) throw new Error(`no '## ${heading}' section`);
  const rest = markdown.slice(start + 1);
  const end = rest.search(/^## /m);
  return end < 0 ? rest : rest.slice(0, end);
}

/** Every `pnpm lathe` / `lathe` command in the section's ```sh blocks, in order. */
export function latheCommands(section: string): ReadmeCommand[] {
  const blocks = [...section.matchAll(/^```(?:sh|bash|shell)\n([\s\S]*?)^```/gm)].map((match) => match[1]!);
  return blocks
    .flatMap((block) => block.replace(/\\\n/g, " ").split("\n"))
    .map((line) => line.trim())
    .filter((line) => /^(pnpm )?lathe /.test(line))
    .map((text) => {
      const words = shellWords(text);
      return { text, args: words.slice(words[0] === "pnpm" ? 2 : 1) };
    });
}

/**
 * Splits a command line into words: single quotes are literal, double quotes allow `\"`, and an
 * unquoted `#` starts a comment. Enough for copy-paste examples; `$`, globs and pipes are refused
 * so an example that needs a real shell fails loudly instead of running differently here.
 */
export function shellWords(line: string): string[] {
  const words: string[] = [];
  let word: string | undefined;
  for (let index = 0; index < line.length; index++) {
    const char = line[index]!;
    if (char === "'" || char === '"') {
      const close = findClose(line, index, char);
      word = (word ?? "") + line.slice(index + 1, close).replace(char === '"' ? /\\(["\\])/g : /$^/, "$1");
      index = close;
    } else if (/\s/.test(char)) {
      if (word !== undefined) words.push(word);
      word = undefined;
    } else if (char === "#" && word === undefined) {
      break;
    } else if (/[$|&;<>*?`]/.test(char)) {
      throw new Error(`'${char}' needs a real shell: ${line}`);
    } else {
      word = (word ?? "") + char;
    }
  }
  if (word !== undefined) words.push(word);
  return words;
}

function findClose(line: string, open: number, quote: string): number {
  for (let index = open + 1; index < line.length; index++) {
    if (line[index] === "\\" && quote === '"') index++;
    else if (line[index] === quote) return index;
  }
  throw new Error(`unclosed ${quote} in: ${line}`);
}
