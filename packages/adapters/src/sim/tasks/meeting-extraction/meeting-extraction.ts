import type { Rng } from "@lathe/core";
import type { SimField, SimStage, SimTask, SimValues } from "../../sim-types.js";
import { scoreFields, textOf } from "../score-fields.js";
import { addDays, findWrittenDate, isIsoDate, resolveRelativeDate } from "./calendar-dates.js";
import { writeMeetingEmail } from "./meeting-emails.js";
import {
  dayFirstRule,
  fyiCcRule,
  meetingRules,
  onBehalfRule,
  relativeDateRule,
  rescheduledRule,
} from "./meeting-rules.js";

const inputs: readonly SimField[] = [
  { name: "email", type: "string", description: "an email that sets up a meeting" },
  { name: "sent_date", type: "string", description: "the date the email was sent (YYYY-MM-DD)" },
];
const outputs: readonly SimField[] = [
  { name: "organizer", type: "string", description: "full name of the person who wants the meeting" },
  { name: "date", type: "string", description: "the meeting date as YYYY-MM-DD" },
  { name: "attendees", type: "string[]", description: "full names of the people invited to attend" },
];
const instruction =
  "Extract the meeting's organizer, its date as YYYY-MM-DD and the list of attendees from the email.";
const person = "[A-Z][a-z]+ [A-Z][a-z]+";
const signerPattern = new RegExp(`(?:Best|Thanks|Regards|Cheers), (${person})`, "g");
const principalPattern = new RegExp(`on behalf of (${person})`);
const copiedPattern = new RegExp(`Cc: (${person})`);

function respond(values: SimValues, knows: (ruleId: string) => boolean): SimValues {
  const email = textOf(values.email);
  const sentDate = textOf(values.sent_date);
  const signer = [...email.matchAll(signerPattern)].at(-1)?.[1];
  const principal = principalPattern.exec(email)?.[1];
  const organizer = principal && knows(onBehalfRule.id) ? principal : (signer ?? principal ?? "");

  let date: string | undefined;
  if (rescheduledRule.applies(values)) {
    const dates = email.match(/\b\d{4}-\d{2}-\d{2}\b/g) ?? [];
    date = knows(rescheduledRule.id) ? dates[1] : dates[0];
  } else if (relativeDateRule.applies(values)) {
    date = knows(relativeDateRule.id) ? resolveRelativeDate(email, sentDate) : sentDate;
  } else {
    date = findWrittenDate(email, knows(dayFirstRule.id) ? "day-first" : "month-first");
  }

  const list = /(?:Invited:|Attendees:|I have invited) ([^.]+)\./.exec(email)?.[1] ?? "";
  const attendees = list
    .split(/,\s*|\s+and\s+/)
    .map((name) => name.trim())
    .filter((name) => name !== "");
  const copied = copiedPattern.exec(email)?.[1];
  if (copied && !(fyiCcRule.applies(values) && knows(fyiCcRule.id))) attendees.push(copied);
  return { organizer, date: date ?? "", attendees };
}

const extractionStage: SimStage = {
  name: "extract",
  instruction,
  inputs,
  outputs,
  rules: meetingRules,
  respond,
  label(values) {
    return typeof values.email === "string" && isIsoDate(textOf(values.sent_date))
      ? respond(values, () => true)
      : undefined;
  },
  perturb(answer, _values, rng) {
    const attendees = Array.isArray(answer.attendees) ? answer.attendees.map(String) : [];
    const roll = rng.next();
    if (roll < 0.4 && isIsoDate(textOf(answer.date))) {
      return { ...answer, date: addDays(textOf(answer.date), rng.next() < 0.5 ? -1 : 1) };
    }
    if (roll < 0.7 && attendees.length > 1) return { ...answer, attendees: attendees.slice(0, -1) };
    return { ...answer, organizer: attendees[0] ?? "unknown" };
  },
  describe(values) {
    return `The email was sent on ${textOf(values.sent_date)} and reads: "${textOf(values.email).slice(0, 90)}".`;
  },
};

/** Meeting emails → organizer, date, attendees; five hidden extraction rules (three common, two rare). */
export const meetingExtractionTask: SimTask = {
  name: "meeting-extraction",
  description:
    "emails that set up meetings, from which the organizer, the date and the attendees are extracted",
  instruction,
  persona: "an executive assistant who schedules meetings for a busy team",
  inputs,
  outputs,
  intermediate: [],
  stages: [extractionStage],
  rules: meetingRules,
  keywords: ["meeting", "organizer", "attendees", "email", "sent_date", "invited"],
  generateExample(rng: Rng): SimValues {
    const written = writeMeetingEmail(rng);
    return { ...written, ...extractionStage.label(written) };
  },
  score(example, prediction) {
    return scoreFields(example, prediction, ["organizer", "date", "attendees"]);
  },
};
