import { OutputParseError } from "@lathe/core";

export type TeacherReply<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly reason: string };

/**
 * Runs a teacher call; a reply that cannot be parsed becomes a reason to record rather than an
 * exception. Budget stops and other errors propagate.
 */
export async function tryTeacher<T>(ask: () => Promise<T>): Promise<TeacherReply<T>> {
  try {
    return { ok: true, value: await ask() };
  } catch (error) {
    if (!OutputParseError.isInstance(error)) throw error;
    return { ok: false, reason: `the teacher's reply could not be parsed: ${error.reason}` };
  }
}
