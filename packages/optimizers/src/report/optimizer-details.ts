import type { GEPAProposal } from "../gepa/reflective-mutation.js";
import type { MetaPromptAttempt } from "../metaprompt/attempt-history.js";

/** A GEPA pool member as `details.gepa.lineage` records it. */
export interface LineageEntry {
  readonly id: string;
  readonly parents: readonly string[];
  readonly origin: string;
  readonly mean: number;
}

/** What the report shows of `details.gepa`. */
export interface GEPADetails {
  readonly proposals: readonly GEPAProposal[];
  readonly lineage: readonly LineageEntry[];
  readonly proposed: number;
  readonly accepted: number;
  readonly skipped: number;
  readonly best: string;
  readonly budget?: { readonly max: number; readonly metricCalls: number; readonly teacherCalls: number };
}

// A report's details are plain JSON (possibly read back from disk), so they are checked field by
// field; entries of another shape are left out of the report rather than rendered half-way.

/** MetaPrompt's attempts from a compile report's details, when it ran. */
export function metaPromptAttempts(details: Readonly<Record<string, unknown>>): MetaPromptAttempt[] {
  const metaprompt = details.metaprompt;
  if (!isRecord(metaprompt) || !Array.isArray(metaprompt.attempts)) return [];
  return metaprompt.attempts.filter(
    (attempt): attempt is MetaPromptAttempt =>
      isRecord(attempt) &&
      typeof attempt.round === "number" &&
      typeof attempt.path === "string" &&
      typeof attempt.hypothesis === "string" &&
      typeof attempt.instructions === "string" &&
      typeof attempt.parentScore === "number" &&
      typeof attempt.accepted === "boolean" &&
      typeof attempt.reason === "string" &&
      optional(attempt.score, "number"),
  );
}

/** GEPA's proposals and lineage from a compile report's details, when it ran. */
export function gepaDetails(details: Readonly<Record<string, unknown>>): GEPADetails | undefined {
  const gepa = details.gepa;
  if (!isRecord(gepa) || !Array.isArray(gepa.lineage) || !Array.isArray(gepa.proposals)) return undefined;
  const lineage = gepa.lineage.filter(
    (entry): entry is LineageEntry =>
      isRecord(entry) &&
      typeof entry.id === "string" &&
      isStringArray(entry.parents) &&
      typeof entry.origin === "string" &&
      typeof entry.mean === "number",
  );
  const proposals = gepa.proposals.filter(
    (proposal): proposal is GEPAProposal =>
      isRecord(proposal) &&
      typeof proposal.iteration === "number" &&
      (proposal.kind === "reflection" || proposal.kind === "merge") &&
      isStringArray(proposal.parents) &&
      isStringArray(proposal.paths) &&
      typeof proposal.accepted === "boolean" &&
      typeof proposal.reason === "string" &&
      optional(proposal.instruction, "string") &&
      optional(proposal.parentSum, "number") &&
      optional(proposal.childSum, "number") &&
      optional(proposal.candidate, "string"),
  );
  const budget = gepa.budget;
  return {
    proposals,
    lineage,
    proposed: typeof gepa.proposed === "number" ? gepa.proposed : proposals.length,
    accepted: typeof gepa.accepted === "number" ? gepa.accepted : 0,
    skipped: typeof gepa.skipped === "number" ? gepa.skipped : 0,
    best: typeof gepa.best === "string" ? gepa.best : "",
    ...(isRecord(budget) &&
    typeof budget.max === "number" &&
    typeof budget.metricCalls === "number" &&
    typeof budget.teacherCalls === "number"
      ? { budget: { max: budget.max, metricCalls: budget.metricCalls, teacherCalls: budget.teacherCalls } }
      : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

function optional(value: unknown, type: "string" | "number"): boolean {
  return value === undefined || typeof value === type;
}
