import { type GEPADetails, gepaDetails, metaPromptAttempts } from "./optimizer-details.js";
import { formatNumber } from "./run-report-input.js";

/** A table of plain strings, as both renderers draw it. */
export interface ReportTable {
  readonly header: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

/** What the teacher-driven optimizers add to the report: their hypotheses and GEPA's lineage. */
export interface ReflectiveSections {
  /** MetaPrompt's rounds: the teacher's hypothesis about the failures, its rewrite and the verdict. */
  readonly hypotheses?: ReportTable;
  readonly gepa?: {
    readonly summary: string;
    /** Every pool member with its parents, each with its valset mean. */
    readonly lineage: ReportTable;
    /** Every proposal, accepted or not, with its minibatch sums. */
    readonly proposals: ReportTable;
  };
}

export function reflectiveSections(details: Readonly<Record<string, unknown>>): ReflectiveSections {
  const attempts = metaPromptAttempts(details);
  const gepa = gepaDetails(details);
  return {
    ...(attempts.length > 0
      ? {
          hypotheses: {
            header: ["Round", "Step", "Hypothesis", "Rewrite", "Score", "Parent score", "Verdict"],
            rows: attempts.map((attempt) => [
              String(attempt.round),
              attempt.path,
              attempt.hypothesis || "(none)",
              attempt.instructions || "(none)",
              attempt.score === undefined ? "not evaluated" : formatNumber(attempt.score),
              formatNumber(attempt.parentScore),
              attempt.accepted ? "accepted" : `rejected: ${attempt.reason}`,
            ]),
          },
        }
      : {}),
    ...(gepa && gepa.lineage.length > 0 ? { gepa: gepaTables(gepa) } : {}),
  };
}

function gepaTables(gepa: GEPADetails): NonNullable<ReflectiveSections["gepa"]> {
  const means = new Map(gepa.lineage.map((entry) => [entry.id, entry.mean]));
  const scored = (id: string) => `${id} (${formatNumber(means.get(id) ?? Number.NaN)})`;
  const madeBy = new Map(
    gepa.proposals.flatMap((proposal) => (proposal.candidate ? [[proposal.candidate, proposal]] : [])),
  );
  const budget = gepa.budget
    ? `; ${gepa.budget.metricCalls + gepa.budget.teacherCalls} of ${gepa.budget.max} budgeted calls used (${gepa.budget.metricCalls} metric, ${gepa.budget.teacherCalls} teacher)`
    : "";
  return {
    summary: `${gepa.proposed} proposal(s) made, ${gepa.accepted} accepted into the pool, ${gepa.skipped} skipped; best ${gepa.best || "n/a"}${budget}.`,
    lineage: {
      header: ["Candidate", "Lineage (valset mean)", "Origin", "Minibatch sum (parent → child)"],
      rows: gepa.lineage.map((entry) => {
        const proposal = madeBy.get(entry.id);
        return [
          entry.id,
          entry.parents.length === 0
            ? scored(entry.id)
            : `${entry.parents.map(scored).join(" + ")} → ${scored(entry.id)}`,
          entry.origin,
          proposal ? sums(proposal.parentSum, proposal.childSum) : "",
        ];
      }),
    },
    proposals: {
      header: [
        "Iteration",
        "Kind",
        "Parent(s)",
        "Step(s)",
        "Minibatch sum (parent → child)",
        "Verdict",
        "Instruction",
      ],
      rows: gepa.proposals.map((proposal) => [
        String(proposal.iteration),
        proposal.kind,
        proposal.parents.join(", "),
        proposal.paths.join(", "),
        sums(proposal.parentSum, proposal.childSum),
        proposal.candidate
          ? `accepted as ${proposal.candidate}`
          : proposal.accepted
            ? `passed the minibatch: ${proposal.reason}`
            : `rejected: ${proposal.reason}`,
        proposal.instruction ?? "",
      ]),
    },
  };
}

function sums(parent: number | undefined, child: number | undefined): string {
  if (parent === undefined) return "";
  return child === undefined ? formatNumber(parent) : `${formatNumber(parent)} → ${formatNumber(child)}`;
}
