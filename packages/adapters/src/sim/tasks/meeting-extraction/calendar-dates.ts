/** Calendar arithmetic on ISO dates (YYYY-MM-DD), in UTC so no time zone can shift a day. */
const dayMs = 86_400_000;

export const weekdayNames = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;
export const monthNames = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;
export const numberWords = ["zero", "one", "two", "three", "four", "five", "six"] as const;

const longDatePattern = new RegExp(`\\b(${monthNames.join("|")}) (\\d{1,2}), (\\d{4})\\b`);
const nextWeekdayPattern = new RegExp(`\\bnext (${weekdayNames.join("|")})\\b`, "i");
const inDaysPattern = new RegExp(`\\bin (${numberWords.join("|")}|\\d+) days\\b`, "i");

export function isoDate(year: number, month: number, day: number): string {
  return new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
}

export function isIsoDate(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(text) && !Number.isNaN(Date.parse(`${text}T00:00:00Z`));
}

export function addDays(iso: string, days: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + days * dayMs).toISOString().slice(0, 10);
}

export function weekdayOf(iso: string): number {
  return new Date(Date.parse(`${iso}T00:00:00Z`)).getUTCDay();
}

/** "May 14, 2024". */
export function longDate(iso: string): string {
  const [year, month, day] = iso.split("-").map(Number);
  return `${monthNames[(month ?? 1) - 1]} ${day}, ${year}`;
}

/** The first date strictly after `iso` that falls on `weekday` (0 = Sunday). */
export function nextWeekday(iso: string, weekday: number): string {
  const ahead = (weekday - weekdayOf(iso) + 7) % 7 || 7;
  return addDays(iso, ahead);
}

/** The first written date in a text: ISO, "May 14, 2024", or slashes read month-first or day-first. */
export function findWrittenDate(text: string, slashOrder: "month-first" | "day-first"): string | undefined {
  const iso = /\b\d{4}-\d{2}-\d{2}\b/.exec(text)?.[0];
  if (iso && isIsoDate(iso)) return iso;
  const long = longDatePattern.exec(text);
  if (long)
    return isoDate(
      Number(long[3]),
      monthNames.indexOf(long[1] as (typeof monthNames)[number]) + 1,
      Number(long[2]),
    );
  const slash = /\b(\d{2})\/(\d{2})\/(\d{4})\b/.exec(text);
  if (!slash) return undefined;
  const [first, second, year] = [Number(slash[1]), Number(slash[2]), Number(slash[3])];
  const monthFirst = slashOrder === "month-first" && first <= 12;
  return monthFirst ? isoDate(year, first, second) : isoDate(year, second, first);
}

/** Resolves "tomorrow", "next Friday" or "in three days" against the date the email was sent. */
export function resolveRelativeDate(text: string, sentDate: string): string | undefined {
  if (!isIsoDate(sentDate)) return undefined;
  if (/\btomorrow\b/i.test(text)) return addDays(sentDate, 1);
  const next = nextWeekdayPattern.exec(text)?.[1];
  if (next) {
    const weekday = weekdayNames.findIndex((name) => name.toLowerCase() === next.toLowerCase());
    return nextWeekday(sentDate, weekday);
  }
  const inDays = inDaysPattern.exec(text)?.[1];
  if (inDays === undefined) return undefined;
  const word = numberWords.indexOf(inDays.toLowerCase() as (typeof numberWords)[number]);
  return addDays(sentDate, word >= 0 ? word : Number(inDays));
}

/** "04/03/2024" for 2024-03-04: day first. */
export function slashDateDayFirst(iso: string): string {
  const [year, month, day] = iso.split("-");
  return `${day}/${month}/${year}`;
}
