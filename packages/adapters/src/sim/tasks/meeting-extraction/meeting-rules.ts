import type { SimRule, SimValues } from "../../sim-types.js";
import { textOf } from "../score-fields.js";

const emailMatches = (pattern: RegExp) => (inputs: SimValues) => pattern.test(textOf(inputs.email));

export const relativeDateRule: SimRule = {
  id: "relative-date",
  kind: "common",
  rate: 0.28,
  trigger: "the meeting date is relative (tomorrow, next Friday, in three days)",
  correct: "the calendar date counted from sent_date (next Friday = the first Friday after it)",
  wrongDefault: "the sent_date itself",
  sentences: [
    "Resolve relative dates such as tomorrow, next Friday or in three days from the sent_date and write the result as YYYY-MM-DD; next Friday means the first Friday after the sent date.",
    "Never copy the sent date for a relative date like tomorrow: count forward from the date the email was sent.",
  ],
  keyTerms: [
    ["relative", "tomorrow", "weekday"],
    ["sent_date", "sent date", "date the email was sent", "sending date", "date it was sent"],
  ],
  observation:
    "meetings given as a relative date (tomorrow, next Friday) are expected as the calendar date counted from the sent_date",
  fields: ["date"],
  priors: { medium: 0.7 },
  applies: emailMatches(
    /\b(tomorrow|next (monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (two|three|four|five|six|\d+) days)\b/i,
  ),
};

export const dayFirstRule: SimRule = {
  id: "day-first",
  kind: "common",
  rate: 0.25,
  trigger: "the date is written with slashes (04/03/2024)",
  correct: "read it day first: 04/03/2024 is 2024-03-04",
  wrongDefault: "read it month first: 2024-04-03",
  sentences: [
    "Dates written with slashes such as 04/03/2024 are day-first (DD/MM/YYYY), so 04/03/2024 is 2024-03-04.",
    "In slash dates the day comes first: read 05/02/2025 as 5 February 2025 (2025-02-05).",
  ],
  keyTerms: [
    ["dd/mm", "day-first", "day first", "day comes first", "day before the month", "european"],
    ["slash", "slashes", "/"],
  ],
  observation: "slash dates such as 04/03/2024 are expected to be read day first (DD/MM/YYYY)",
  fields: ["date"],
  priors: { medium: 0.05 },
  applies: emailMatches(/\b\d{2}\/\d{2}\/\d{4}\b/),
};

export const onBehalfRule: SimRule = {
  id: "on-behalf",
  kind: "common",
  rate: 0.22,
  trigger: "the sender writes on behalf of someone else",
  correct: "the organizer is the person written for",
  wrongDefault: "the sender who signs the email",
  sentences: [
    "When an email is written on behalf of someone, that person is the organizer, not the sender who signs it.",
    "If an assistant writes for someone else, put the person they write for as organizer.",
  ],
  keyTerms: [
    ["on behalf", "for someone else", "writes for"],
    ["organizer", "organiser"],
  ],
  observation:
    "emails written on behalf of someone are expected to name that person, not the sender, as organizer",
  fields: ["organizer"],
  applies: emailMatches(/\bon behalf of [A-Z][a-z]+ [A-Z][a-z]+/),
};

export const fyiCcRule: SimRule = {
  id: "fyi-cc",
  kind: "rare",
  rate: 0.07,
  trigger: "someone is on Cc for FYI only",
  correct: "leave them out of attendees",
  wrongDefault: "list them as an attendee",
  sentences: [
    "People copied for FYI only (Cc, not attending) are not attendees: leave them out of the attendees list.",
    "Exclude anyone on Cc marked FYI from attendees.",
  ],
  keyTerms: [
    ["fyi", "cc", "cc'd", "copied"],
    ["attendee", "attendees"],
    ["not", "never", "leave out", "left out", "exclude", "omit"],
  ],
  observation: "people on Cc for FYI only are expected to be left out of the attendees",
  fields: ["attendees"],
  applies: emailMatches(/\bCc: [A-Z][a-z]+ [A-Z][a-z]+ \(FYI only/),
};

export const rescheduledRule: SimRule = {
  id: "rescheduled",
  kind: "rare",
  rate: 0.07,
  trigger: "the meeting was moved from one date to another",
  correct: "the new date",
  wrongDefault: "the originally planned date (the first one written)",
  sentences: [
    "If a meeting is moved or rescheduled, give the new date, not the originally planned one.",
    "For a rescheduled meeting the date is the new date it was moved to.",
  ],
  keyTerms: [
    ["moved", "rescheduled", "postponed", "reschedule"],
    ["new date", "new one", "later date", "updated date", "new day"],
  ],
  observation: "meetings that were moved or rescheduled are expected with the new date",
  fields: ["date"],
  applies: emailMatches(/\b(moved|rescheduled|postponed) to\b/i),
};

export const meetingRules: readonly SimRule[] = [
  relativeDateRule,
  dayFirstRule,
  onBehalfRule,
  fyiCcRule,
  rescheduledRule,
];
