import { LatheError } from "@lathe/core";
import type { SimTask } from "./sim-types.js";
import { meetingExtractionTask } from "./tasks/meeting-extraction/meeting-extraction.js";
import { ticketTriageTask } from "./tasks/ticket-triage/ticket-triage.js";
import { townQaTask } from "./tasks/town-qa/town-qa.js";
import { wordProblemsTask } from "./tasks/word-problems/word-problems.js";

/** Every built-in sim task, by name. */
export const simTasks = {
  "ticket-triage": ticketTriageTask,
  "meeting-extraction": meetingExtractionTask,
  "word-problems": wordProblemsTask,
  "town-qa": townQaTask,
} as const satisfies Record<string, SimTask>;

export type SimTaskName = keyof typeof simTasks;

/** A built-in task by name; an unknown name raises an error listing the known ones. */
export function getSimTask(name: string): SimTask {
  if (Object.hasOwn(simTasks, name)) return simTasks[name as SimTaskName];
  throw new LatheError(
    "SimTaskError",
    `Unknown sim task "${name}". Use one of: ${Object.keys(simTasks).join(", ")}.`,
  );
}
