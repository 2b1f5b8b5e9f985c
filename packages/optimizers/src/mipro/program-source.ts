import { LatheError } from "@lathe/core";
import type { Node, SourceFile, Statement } from "ts-morph";

/** ts-morph loads the TypeScript compiler (a second or so), so only when a source is given. */
type TsMorph = typeof import("ts-morph");

/** Longest source excerpt shown to the teacher. */
export const MAX_SOURCE_CHARS = 8000;

export interface ProgramSourceInput {
  /** Path of a `.ts` file. */
  readonly path?: string;
  /** Source code. */
  readonly code?: string;
}

/**
 * The part of the program's source a proposer needs, read with ts-morph: the class declaration
 * named `className` (its predictors and `forward` method) plus every top-level declaration it
 * refers to, directly or indirectly (signatures, sub-modules, helpers), in file order. Without
 * such a class (e.g. a bare `Predict`), the whole file. Capped at MAX_SOURCE_CHARS.
 */
export async function programSourceSnippet(
  input: ProgramSourceInput,
  className: string,
): Promise<string | undefined> {
  if (input.path === undefined && input.code === undefined) return undefined;
  const tsMorph = await import("ts-morph");
  const file = openSource(tsMorph, input);
  const root = file.getClass(className);
  const text = root ? relatedStatements(tsMorph, file, root).join("\n\n") : file.getFullText().trim();
  return text.length > MAX_SOURCE_CHARS ? `${text.slice(0, MAX_SOURCE_CHARS)}\n// ... (truncated)` : text;
}

function openSource({ Project }: TsMorph, input: ProgramSourceInput): SourceFile {
  const project = new Project({
    useInMemoryFileSystem: input.code !== undefined,
    skipAddingFilesFromTsConfig: true,
    skipFileDependencyResolution: true,
    skipLoadingLibFiles: true,
  });
  if (input.code !== undefined) return project.createSourceFile("program.ts", input.code);
  try {
    return project.addSourceFileAtPath(input.path!);
  } catch (error) {
    throw new LatheError(
      "LatheProgramSourceError",
      `MIPRO could not read programSource '${input.path}': ${error instanceof Error ? error.message : String(error)}; pass the path of the program's .ts file, or programCode`,
      { cause: error },
    );
  }
}

/** The statement declaring `root` and the closure of top-level statements it references. */
function relatedStatements({ Node, SyntaxKind }: TsMorph, file: SourceFile, root: Node): string[] {
  const statements = file.getStatements();
  const declaring = new Map<string, Statement>();
  for (const statement of statements) {
    for (const name of declaredNames(Node, statement)) declaring.set(name, statement);
  }
  const rootStatement = statements.find(
    (statement) => statement === root || statement.containsRange(root.getPos(), root.getEnd()),
  );
  const included = new Set<Statement>();
  const pending: Statement[] = rootStatement ? [rootStatement] : [];
  while (pending.length > 0) {
    const statement = pending.pop()!;
    if (included.has(statement)) continue;
    included.add(statement);
    for (const identifier of statement.getDescendantsOfKind(SyntaxKind.Identifier)) {
      const target = declaring.get(identifier.getText());
      if (target && !included.has(target)) pending.push(target);
    }
  }
  return statements
    .filter((statement) => included.has(statement))
    .map((statement) => statement.getText(true));
}

function declaredNames(Node: TsMorph["Node"], statement: Statement): string[] {
  if (Node.isVariableStatement(statement)) {
    return statement.getDeclarations().map((declaration) => declaration.getName());
  }
  if (Node.isClassDeclaration(statement) || Node.isFunctionDeclaration(statement)) {
    const name = statement.getName();
    return name ? [name] : [];
  }
  return [];
}
