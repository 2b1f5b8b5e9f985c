import type { Rng } from "@lathe/core";
import { pick } from "../../draw.js";
import { chooseCategory } from "../choose-category.js";
import { randomPeople } from "../people-names.js";
import {
  addDays,
  isoDate,
  longDate,
  numberWords,
  slashDateDayFirst,
  weekdayNames,
  weekdayOf,
} from "./calendar-dates.js";
import {
  dayFirstRule,
  fyiCcRule,
  meetingRules,
  onBehalfRule,
  relativeDateRule,
  rescheduledRule,
} from "./meeting-rules.js";

const purposes = [
  "review the Q3 budget",
  "plan the product launch",
  "go over the hiring pipeline",
  "discuss the vendor contract",
  "prepare the board update",
  "walk through the new onboarding flow",
  "agree on the office layout",
  "sort out the support rota",
] as const;
const greetings = ["Hi all,", "Hello everyone,", "Hi team,", "Dear colleagues,"] as const;
const signoffs = ["Best,", "Thanks,", "Regards,", "Cheers,"] as const;

/** One meeting email and the date it was sent; at most one hidden rule is triggered. */
export function writeMeetingEmail(rng: Rng): { email: string; sent_date: string } {
  const [organizer, first, second, third, copied, helper] = randomPeople(rng, 6) as [
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const attendees = rng.next() < 0.5 ? [first, second] : [first, second, third];
  const year = rng.int(2024, 2025);
  let meeting = isoDate(year, rng.int(1, 12), rng.int(1, 28));
  let sentDate = addDays(meeting, -rng.int(2, 20));
  const purpose = pick(purposes, rng);
  const written = () => (rng.next() < 0.5 ? meeting : longDate(meeting));
  let opening = "";
  let signer = organizer;
  let cc = "";

  const category = chooseCategory(
    rng,
    meetingRules.map((rule) => [rule.id, rule.rate] as const),
    "none",
  );
  if (category === relativeDateRule.id) {
    const kind = rng.int(0, 2);
    const back = kind === 0 ? 1 : kind === 1 ? rng.int(2, 6) : rng.int(1, 7);
    sentDate = addDays(meeting, -back);
    const phrase =
      kind === 0
        ? "tomorrow"
        : kind === 1
          ? `in ${numberWords[back]} days`
          : `next ${weekdayNames[weekdayOf(meeting)]}`;
    opening = `Let's meet ${phrase} to ${purpose}.`;
  } else if (category === dayFirstRule.id) {
    const month = rng.int(1, 12);
    const day = rng.int(1, 11);
    meeting = isoDate(year, month, day >= month ? day + 1 : day);
    sentDate = addDays(meeting, -rng.int(2, 20));
    opening = `Let's meet on ${slashDateDayFirst(meeting)} to ${purpose}.`;
  } else if (category === onBehalfRule.id) {
    opening = `I am writing on behalf of ${organizer}, who would like to meet on ${written()} to ${purpose}.`;
    signer = helper;
  } else if (category === fyiCcRule.id) {
    opening = `Let's meet on ${written()} to ${purpose}.`;
    cc = `Cc: ${copied} (FYI only, not attending).`;
  } else if (category === rescheduledRule.id) {
    const planned = addDays(meeting, -rng.int(1, 5));
    sentDate = addDays(planned, -rng.int(2, 10));
    const verb = pick(["moved", "rescheduled", "postponed"], rng);
    opening = `The meeting to ${purpose} planned for ${planned} is ${verb} to ${meeting}.`;
  } else {
    opening = `Let's meet on ${written()} to ${purpose}.`;
  }

  const names = attendees.length === 2 ? attendees.join(" and ") : `${first}, ${second} and ${third}`;
  const list = pick([`Invited: ${names}.`, `Attendees: ${names}.`, `I have invited ${names}.`], rng);
  const email = [pick(greetings, rng), opening, list, cc, `${pick(signoffs, rng)} ${signer}`]
    .filter((part) => part !== "")
    .join(" ");
  return { email, sent_date: sentDate };
}
