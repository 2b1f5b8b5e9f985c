import { simTasks } from "@lathe/adapters";
import { type Example, type InferOutputs, type MetricResult, Predict, signature } from "@lathe/core";
import { z } from "zod";

/** A calendar date written as YYYY-MM-DD. */
const isoDate = z.iso.date();

/** Read a meeting invitation into a typed record: who organizes it, when, and who attends. */
export const ExtractMeeting = signature(
  "Extract the meeting's organizer, its date as YYYY-MM-DD and the list of attendees from the email.",
)
  .input("email", z.string().describe("an email that sets up a meeting"))
  .input("sent_date", isoDate.describe("the date the email was sent (YYYY-MM-DD)"))
  .output("organizer", z.string().min(1).describe("full name of the person who wants the meeting"))
  .output("date", isoDate.describe("the meeting date as YYYY-MM-DD"))
  .output("attendees", z.array(z.string().min(1)).describe("full names of the people invited to attend"));

/** What the program returns, inferred from the signature: `{ organizer: string; date: string; attendees: string[] }`. */
export type Meeting = InferOutputs<typeof ExtractMeeting>;

export const extractMeeting = new Predict(ExtractMeeting);

/**
 * Partial credit, one third per field (attendees compared as a set), with feedback naming each
 * wrong field: `date: expected 2024-03-04, got 2024-04-03`. The reflective optimizers read it.
 */
export function meetingScore(example: Example, prediction: Partial<Meeting>): MetricResult {
  return simTasks["meeting-extraction"].score(example, prediction);
}

/** Every field right. */
export function meetingExact(example: Example, prediction: Partial<Meeting>): boolean {
  return simTasks["meeting-extraction"].score(example, prediction).score === 1;
}
