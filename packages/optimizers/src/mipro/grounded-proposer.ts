import { createRng, type Demo, type Module, OutputParseError, type Predictor } from "@lathe/core";
import { askTeacher } from "../shared/ask-teacher.js";
import type { OptimizerContext } from "../shared/optimizer.js";
import type { DatasetSummary } from "./dataset-summary.js";
import type { ProgramSummary } from "./program-summary.js";
import { moduleText } from "./program-summary.js";
import { type ProposerGrounding, type ProposerInputs, proposerSignature } from "./proposer-signature.js";
import { renderExamples } from "./render-examples.js";
import { drawTip, PROPOSER_TIPS, type TipName } from "./tips.js";

/** Demos shown to the proposer per proposal. */
export const PROPOSER_DEMOS = 3;

/** One instruction the search may choose for a predictor. */
export interface InstructionCandidate {
  readonly instruction: string;
  /** Candidate 0 is always the predictor's own instruction. */
  readonly source: "original" | "proposed";
  readonly tip?: TipName;
  /** Id of the demo set the proposer was shown. */
  readonly demoSet?: string;
  readonly rolloutId?: number;
}

/** Demos the proposer may show, per predictor path, with the id of the set they came from. */
export interface ProposerDemoSet {
  readonly id: string;
  readonly demos: Readonly<Record<string, readonly Demo[]>>;
}

export interface ProposeOptions extends ProposerGrounding {
  readonly numCandidates: number;
  readonly initTemperature: number;
  readonly datasetSummary: DatasetSummary | undefined;
  readonly programSummary: ProgramSummary | undefined;
  readonly demoSets: readonly ProposerDemoSet[];
}

export interface Proposals {
  readonly candidates: Readonly<Record<string, readonly InstructionCandidate[]>>;
  readonly notes: readonly string[];
}

interface Slot {
  readonly path: string;
  readonly slot: number;
  readonly rolloutId: number;
  readonly tip: TipName | undefined;
  readonly demoSet: ProposerDemoSet | undefined;
  readonly inputs: ProposerInputs;
}

/**
 * DSPy's grounded proposer, on the teacher: for every predictor, `numCandidates - 1` proposals,
 * each shown the enabled grounding (dataset summary, program code and description, the module's
 * role, a few demos, its current instruction, a random tip). All proposals run concurrently at
 * `initTemperature`, each with its own rollout id; results are assembled in slot order.
 * A reply that cannot be parsed loses its slot (with a note); duplicates are dropped.
 */
export async function proposeInstructions(
  program: Module,
  context: OptimizerContext,
  options: ProposeOptions,
): Promise<Proposals> {
  const teacherSignature = proposerSignature(options);
  const slots = proposalSlots(program, context, options);
  const replies = await Promise.all(
    slots.map(async (slot) => {
      try {
        const reply = await askTeacher(teacherSignature, slot.inputs, context, {
          temperature: options.initTemperature,
          rolloutId: slot.rolloutId,
        });
        return { instruction: reply.proposed_instruction.trim() };
      } catch (error) {
        if (!OutputParseError.isInstance(error)) throw error;
        return { failure: error.message };
      }
    }),
  );
  const notes: string[] = [];
  const candidates: Record<string, InstructionCandidate[]> = {};
  for (const [path, predictor] of program.namedPredictors()) {
    candidates[path] = [{ instruction: predictor.instructions, source: "original" }];
  }
  for (const [index, slot] of slots.entries()) {
    const reply = replies[index]!;
    const list = candidates[slot.path]!;
    if ("failure" in reply) {
      notes.push(`proposal ${slot.slot} for '${slot.path}' was dropped: ${reply.failure}`);
    } else if (reply.instruction === "" || list.some((entry) => entry.instruction === reply.instruction)) {
      notes.push(`proposal ${slot.slot} for '${slot.path}' was dropped: it repeats an earlier candidate`);
    } else {
      list.push({
        instruction: reply.instruction,
        source: "proposed",
        ...(slot.tip ? { tip: slot.tip } : {}),
        ...(slot.demoSet ? { demoSet: slot.demoSet.id } : {}),
        rolloutId: slot.rolloutId,
      });
    }
  }
  return { candidates, notes };
}

/** The proposer calls `proposeInstructions` makes. */
export function proposalCalls(predictors: number, numCandidates: number): number {
  return predictors * Math.max(0, numCandidates - 1);
}

function proposalSlots(program: Module, context: OptimizerContext, options: ProposeOptions): Slot[] {
  const slots: Slot[] = [];
  for (const [path, predictor] of program.namedPredictors()) {
    // Only sets that hold demos for this predictor are worth showing.
    const demoSets = options.demoSets.filter((set) => (set.demos[path]?.length ?? 0) > 0);
    for (let slot = 1; slot < options.numCandidates; slot++) {
      const tip = options.tipAware
        ? drawTip(createRng(context.seed).fork(`mipro:tip:${path}:${slot}`))
        : undefined;
      const demoSet = options.fewshotAware ? demoSets[(slot - 1) % Math.max(1, demoSets.length)] : undefined;
      const fields = predictor.signature.fields.map((field) => field.name);
      const inputs: ProposerInputs = {
        module: moduleText(path, predictor),
        basic_instruction: predictor.instructions.trim() || defaultInstruction(predictor),
        ...(options.dataAware
          ? { dataset_description: options.datasetSummary?.summary || "(unavailable)" }
          : {}),
        ...(options.programAware
          ? {
              program_code: options.programSummary?.programCode ?? "(unavailable)",
              program_description: options.programSummary?.programDescription || "(unavailable)",
              module_description: options.programSummary?.moduleDescriptions[path] || "(unavailable)",
            }
          : {}),
        ...(options.fewshotAware
          ? {
              task_demos: demoSet
                ? renderExamples(demoSet.demos[path]!.slice(0, PROPOSER_DEMOS), fields)
                : "(no demos available)",
            }
          : {}),
        ...(tip !== undefined ? { tip: PROPOSER_TIPS[tip] } : {}),
      };
      slots.push({ path, slot, rolloutId: slots.length, tip, demoSet, inputs });
    }
  }
  return slots;
}

/** What the adapters say when a signature has no instructions. */
function defaultInstruction(predictor: Predictor): string {
  const names = (fields: readonly { name: string }[]) =>
    fields.map((field) => `\`${field.name}\``).join(", ");
  return `Given the fields ${names(predictor.signature.inputFields)}, produce the fields ${names(predictor.signature.outputFields)}.`;
}
