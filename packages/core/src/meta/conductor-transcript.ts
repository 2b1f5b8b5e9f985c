/** One round of the conductor: its thought and, when it consulted one, the expert's exchange. */
export interface ConductorRound {
  readonly thought: string;
  readonly action: "consult_expert" | "final_answer";
  readonly expert?: string;
  readonly instructions?: string;
  readonly response?: string;
}

/** The transcript as the conductor and the final step read it. */
export function renderTranscript(rounds: readonly ConductorRound[]): string {
  if (rounds.length === 0) return "(nothing yet)";
  return rounds
    .map((round, index) => {
      const lines = [`Round ${index + 1}`, `Conductor: ${round.thought}`];
      if (round.action === "consult_expert") {
        lines.push(`Instructions to ${round.expert}:`, round.instructions ?? "", `${round.expert} answered:`);
        lines.push(round.response ?? "");
      }
      return lines.join("\n");
    })
    .join("\n\n");
}
