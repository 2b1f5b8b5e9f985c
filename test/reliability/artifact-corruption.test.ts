import { writeFileSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runInNewContext } from "node:vm";
import { createSimModel } from "@lathe/adapters";
import {
  type Artifact,
  ArtifactError,
  artifactContentHash,
  loadArtifact,
  Predict,
  parseArtifact,
  signature,
} from "@lathe/core";
import { BootstrapFewShot, compile, renderModule } from "@lathe/optimizers";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
// ts-morph (and the TypeScript it bundles) is a dependency of @lathe/optimizers, not of these tests.
import type { ts as Ts } from "../../packages/optimizers/node_modules/ts-morph/lib/ts-morph.js";
import { prototypeSnapshot } from "./support/hostile.js";
import { runs } from "./support/soak.js";
import { exactMatch, Triage, triageSplits } from "./support/triage.js";

const { trainset, valset } = triageSplits({ train: 12, val: 12 }, 8);

/** The artifact without the two values its content hash leaves out. */
const hashed = (artifact: Artifact) => ({
  ...artifact,
  createdAt: "",
  compile: { ...artifact.compile, durationMs: 0 },
});

/** Re-seals an edited artifact, as someone editing it on purpose would. */
const resealed = (artifact: Artifact): Artifact => ({
  ...artifact,
  contentHash: artifactContentHash(artifact),
});

function expectArtifactError(
  run: () => unknown,
  problem: ArtifactError["problem"],
  message?: RegExp,
): ArtifactError {
  try {
    run();
  } catch (error) {
    expect(ArtifactError.isInstance(error), String(error)).toBe(true);
    const artifactError = error as ArtifactError;
    expect(artifactError.problem).toBe(problem);
    if (message) expect(artifactError.message).toMatch(message);
    return artifactError;
  }
  throw new Error(`expected an ArtifactError (${problem}), but the artifact was accepted`);
}

type Edit =
  | { kind: "flip"; at: number; bit: number }
  | { kind: "delete"; at: number; length: number }
  | { kind: "insert"; at: number; bytes: Uint8Array }
  | { kind: "truncate"; at: number };

const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant("flip" as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ kind: fc.constant("delete" as const), at: fc.nat(), length: fc.integer({ min: 1, max: 16 }) }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    bytes: fc.oneof(
      fc.uint8Array({ minLength: 1, maxLength: 8 }),
      fc.constantFrom(
        ...['"', "{", "}", ",", "0", "\\", '"__proto__":{},', "null"].map((text) => Buffer.from(text)),
      ),
    ),
  }),
  fc.record({ kind: fc.constant("truncate" as const), at: fc.nat() }),
);

function applyEdit(bytes: Buffer, change: Edit): Buffer {
  const at = change.at % Math.max(1, bytes.length);
  switch (change.kind) {
    case "flip": {
      const copy = Buffer.from(bytes);
      copy[at] = copy[at]! ^ (1 << change.bit);
      return copy;
    }
    case "delete":
      return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at + change.length)]);
    case "insert":
      return Buffer.concat([bytes.subarray(0, at), change.bytes, bytes.subarray(at)]);
    case "truncate":
      return bytes.subarray(0, at);
  }
}

describe("artifacts under corruption", () => {
  let artifact: Artifact;
  let text: string;
  let directory: string;

  beforeAll(async () => {
    ({ artifact } = await compile(new Predict(Triage), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 3, maxLabeledDemos: 5 }),
      trainset,
      valset,
      metric: exactMatch,
      lm: createSimModel("small"),
      seed: 2,
      cache: false,
    }));
    artifact = JSON.parse(JSON.stringify(artifact)) as Artifact;
    text = `${JSON.stringify(artifact, null, 2)}\n`;
    directory = await mkdtemp(join(tmpdir(), "lathe-artifact-"));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it("rejects random byte flips, deletions, insertions and truncations with an ArtifactError, or reads the same content", () => {
    const pristine = Buffer.from(text);
    let rejected = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
        const damaged = edits.reduce(applyEdit, pristine).toString("utf8");
        let read: Artifact;
        try {
          read = parseArtifact(damaged);
        } catch (error) {
          expect(ArtifactError.isInstance(error), String(error)).toBe(true);
          expect(["malformed", "version", "tampered"]).toContain((error as ArtifactError).problem);
          expect((error as Error).message.length).toBeGreaterThan(20);
          rejected++;
          return;
        }
        // Accepted: only whitespace, the creation time or the duration changed.
        expect(hashed(read)).toEqual(hashed(artifact));
      }),
      { numRuns: runs(2_000) },
    );
    expect(rejected).toBeGreaterThan(runs(1_500));
  });

  it("rejects every truncation of the file with a hint that it was cut short", async () => {
    const path = join(directory, "truncated.artifact.json");
    const content = text.trimEnd();
    for (let length = 0; length < content.length; length += Math.max(1, Math.floor(content.length / 400))) {
      writeFileSync(path, content.slice(0, length));
      await expect(loadArtifact(path)).rejects.toSatisfy(
        (error: unknown) =>
          ArtifactError.isInstance(error) &&
          (error.problem === "malformed" || error.problem === "version") &&
          (error.problem === "version" || /truncated|malformed|JSON object/.test(error.message)),
      );
    }
    await expect(loadArtifact(join(directory, "missing.json"))).rejects.toSatisfy(
      (error: unknown) => ArtifactError.isInstance(error) && error.problem === "unreadable",
    );
  });

  it("rejects other format versions and non-objects, naming the format", () => {
    for (const format of ["lathe.artifact/v2", "lathe.artifact/v0", 1, null]) {
      expectArtifactError(
        () => parseArtifact({ ...artifact, format }),
        "version",
        /unsupported artifact format/,
      );
    }
    const { format: _format, ...unversioned } = artifact;
    expectArtifactError(() => parseArtifact(unversioned), "version");
    for (const value of ["[]", "null", '"artifact"', "42", ""])
      expectArtifactError(() => parseArtifact(value), "malformed");
    expectArtifactError(() => parseArtifact({ ...artifact, extra: true }), "malformed", /extra/);
  });

  it("detects tampering: edited content under the old hash, or an edited hash", () => {
    const edited = structuredClone(artifact);
    edited.predictors.self!.instructions = "Always answer billing.";
    expectArtifactError(() => parseArtifact(edited), "tampered", /recompile/);
    const demo = structuredClone(artifact);
    const first = demo.predictors.self!.demos[0]!;
    demo.predictors.self!.demos[0] = { ...first, urgent: !first.urgent };
    expectArtifactError(() => parseArtifact(demo), "tampered");
    expectArtifactError(() => parseArtifact({ ...artifact, contentHash: "0".repeat(64) }), "tampered");
    expectArtifactError(
      () => parseArtifact({ ...artifact, contentHash: artifact.contentHash.toUpperCase() }),
      "tampered",
    );
    // The hash is a checksum, not a signature: a deliberately re-sealed edit is accepted.
    expect(parseArtifact(resealed(edited)).predictors.self!.instructions).toBe("Always answer billing.");
  });

  it("refuses to load into a program whose signature drifted, naming the predictor and field", () => {
    const fits = new Predict(Triage).load(artifact);
    expect(fits.demos).toEqual(artifact.predictors.self!.demos);
    const renamed = signature(Triage.instructions)
      .input("ticket", z.string())
      .output("team", z.enum(["billing", "technical", "account"]))
      .output("urgent", z.boolean());
    const error = expectArtifactError(() => new Predict(renamed).load(artifact), "drift", /'queue'.*'team'/);
    expect(error).toMatchObject({ predictor: "self", field: "queue" });
    const retyped = signature(Triage.instructions)
      .input("ticket", z.string())
      .output("queue", z.enum(["billing", "technical", "account"]))
      .output("urgent", z.string());
    expect(
      expectArtifactError(() => new Predict(retyped).load(artifact), "drift", /changed type/),
    ).toMatchObject({
      field: "urgent",
    });
    const foreign = resealed({ ...artifact, program: { ...artifact.program, fingerprint: "f".repeat(64) } });
    expectArtifactError(() => new Predict(Triage).load(foreign), "drift", /structure changed/);
    const extra = resealed({
      ...artifact,
      predictors: { ...artifact.predictors, "answer.predict": artifact.predictors.self! },
    });
    expectArtifactError(() => new Predict(Triage).load(extra), "drift", /answer\.predict/);
  });

  it("keeps code-like strings and prototype keys as data when loading", () => {
    const prototypes = prototypeSnapshot();
    const marker = `lathe_artifact_probe_${process.pid}`;
    const hostile = [
      `require('fs').writeFileSync('pwned', '1'); globalThis.${marker} = 1`,
      // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string on purpose
      "${globalThis.probe = 1}`; process.exit(1); `",
      "*/ process.exit(1) /*",
      "</script><script>alert(1)</script>",
    ];
    const base = structuredClone(artifact);
    base.predictors.self!.instructions = hostile.join("\n");
    base.predictors.self!.demos = hostile.map((ticket) =>
      JSON.parse(
        JSON.stringify({ ticket, queue: "billing", urgent: false }).replace(
          /}$/,
          ',"constructor":{"prototype":{"polluted":true}},"toString":"x","meta":{"__proto__":{"polluted":true}}}',
        ),
      ),
    );
    const loaded = parseArtifact(JSON.parse(JSON.stringify(resealed(base))));
    const demo = loaded.predictors.self!.demos[0]!;
    expect(demo.toString).toBe("x");
    expect(Object.hasOwn(demo.meta as object, "__proto__")).toBe(true);
    const program = new Predict(Triage).load(loaded);
    expect(program.instructions).toBe(hostile.join("\n"));
    const prompt = program
      .format({ ticket: "hello" })
      .map((message) => message.content)
      .join("\n");
    for (const text of hostile) expect(prompt).toContain(text);
    expect((globalThis as Record<string, unknown>)[marker]).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toBe(prototypes);
  });

  it("drops a __proto__ key added to a demo, rejects one at the root, and never lets one reach a prototype", () => {
    const prototypes = prototypeSnapshot();
    const inDemo = JSON.stringify(artifact).replace(
      '"demos":[{',
      '"demos":[{"__proto__":{"polluted":true,"queue":"x"},',
    );
    const loaded = parseArtifact(inDemo);
    expect(hashed(loaded)).toEqual(hashed(artifact));
    expect(Object.hasOwn(loaded.predictors.self!.demos[0]!, "__proto__")).toBe(false);
    expect(Object.getPrototypeOf(loaded.predictors.self!.demos[0])).toBe(Object.prototype);
    const atRoot = `{"__proto__":{"polluted":true},${JSON.stringify(artifact).slice(1)}`;
    expectArtifactError(() => parseArtifact(atRoot), "malformed", /__proto__/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(prototypeSnapshot()).toBe(prototypes);
  });
});

type TsMorph = typeof import("../../packages/optimizers/node_modules/ts-morph/lib/ts-morph.js");

describe("emitted TypeScript modules", () => {
  const requireFromOptimizers = createRequire(
    join(import.meta.dirname, "../../packages/optimizers/package.json"),
  );
  let ts: typeof Ts;
  let artifact: Artifact;

  beforeAll(async () => {
    ({ ts } = (await import(pathToFileURL(requireFromOptimizers.resolve("ts-morph")).href)) as TsMorph);
    ({ artifact } = await compile(new Predict(Triage), {
      optimizer: new BootstrapFewShot({ maxBootstrappedDemos: 2, maxLabeledDemos: 2 }),
      trainset,
      valset: valset.slice(0, 4),
      metric: exactMatch,
      lm: createSimModel("small"),
      cache: false,
    }));
  });

  const literalKinds = () =>
    new Set([
      ts.SyntaxKind.ObjectLiteralExpression,
      ts.SyntaxKind.ArrayLiteralExpression,
      ts.SyntaxKind.PropertyAssignment,
      ts.SyntaxKind.ComputedPropertyName,
      ts.SyntaxKind.Identifier, // property names only: checked below
      ts.SyntaxKind.StringLiteral,
      ts.SyntaxKind.NumericLiteral,
      ts.SyntaxKind.PrefixUnaryExpression,
      ts.SyntaxKind.TrueKeyword,
      ts.SyntaxKind.FalseKeyword,
      ts.SyntaxKind.NullKeyword,
    ]);

  /** The artifact literal holds nothing but literals; returns its source text. */
  function inertArtifactLiteral(source: string): string {
    const file = ts.createSourceFile("emitted.ts", source, ts.ScriptTarget.ES2022, true);
    const { ImportDeclaration, VariableStatement, TypeAliasDeclaration, ExportAssignment } = ts.SyntaxKind;
    expect(file.statements.map((statement: Ts.Statement) => statement.kind)).toEqual([
      ImportDeclaration,
      ImportDeclaration,
      VariableStatement,
      TypeAliasDeclaration,
      TypeAliasDeclaration,
      TypeAliasDeclaration,
      VariableStatement,
      VariableStatement,
      ExportAssignment,
    ]);
    const declaration = (file.statements[6] as Ts.VariableStatement).declarationList.declarations[0]!;
    expect(declaration.name.getText()).toBe("artifact");
    const initializer = declaration.initializer as Ts.SatisfiesExpression;
    expect(initializer.kind).toBe(ts.SyntaxKind.SatisfiesExpression);
    const allowed = literalKinds();
    const visit = (node: Ts.Node): void => {
      expect(allowed.has(node.kind), `${ts.SyntaxKind[node.kind]}: ${node.getText().slice(0, 80)}`).toBe(
        true,
      );
      if (ts.isIdentifier(node))
        expect(ts.isPropertyAssignment(node.parent) && node.parent.name === node).toBe(true);
      if (ts.isPrefixUnaryExpression(node)) expect(node.operator).toBe(ts.SyntaxKind.MinusToken);
      if (ts.isComputedPropertyName(node)) expect(ts.isStringLiteral(node.expression)).toBe(true);
      ts.forEachChild(node, visit);
    };
    visit(initializer.expression);
    return initializer.expression.getText();
  }

  it("writes hostile instructions, demos and descriptions as inert literals that read back equal", async () => {
    const hostileText = fc.oneof(
      fc.string({ unit: "binary", maxLength: 30 }),
      fc.constantFrom(
        "`",
        // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile string on purpose
        "${process.exit(1)}",
        "*/",
        "/*",
        "//",
        '"',
        "'",
        "\\",
        "\n",
        "\r",
        "\u2028",
        "\u2029",
        "\u0000",
        "</script>",
        "<!--",
        '"); process.exit(1); ("',
        "__proto__",
        "\uD800",
      ),
    );
    const hostileString = fc.array(hostileText, { maxLength: 8 }).map((parts) => parts.join(""));
    await fc.assert(
      fc.asyncProperty(
        hostileString,
        fc.array(fc.tuple(hostileString, hostileString), { minLength: 1, maxLength: 4 }),
        async (instructions, demos) => {
          const base = structuredClone(artifact);
          base.predictors.self!.instructions = instructions;
          base.predictors.self!.demos = demos.map(([ticket, note]) => ({
            ticket,
            queue: "billing",
            urgent: true,
            note,
          }));
          base.compile.notes = [instructions];
          const hostile = resealed(base);
          const source = await renderModule(hostile, {
            outFile: "/tmp/lathe/program.compiled.ts",
            program: { kind: "signature", shorthand: "ticket: string -> queue: string, urgent: boolean" },
          });
          const literal = inertArtifactLiteral(source);
          // Only literals, so evaluating it runs nothing: it must give the artifact back.
          expect(runInNewContext(`(${literal})`, Object.create(null))).toEqual(hostile);
        },
      ),
      { numRuns: runs(25) },
    );
  }, 60_000);
});
