import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

/** True when no key is required, or the request carries `Authorization: Bearer <apiKey>`. */
export function isAuthorized(request: IncomingMessage, apiKey: string | undefined): boolean {
  if (apiKey === undefined) return true;
  const header = request.headers.authorization ?? "";
  const expected = Buffer.from(`Bearer ${apiKey}`);
  const actual = Buffer.from(header);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
