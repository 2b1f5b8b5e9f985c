/**
 * JSON with object keys sorted at every level, so that equal values always serialise to the
 * same bytes. `undefined` members are dropped, as JSON.stringify drops them.
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === "object") {
    if (value instanceof Date) return value.toISOString();
    // No prototype: a `__proto__` key (JSON.parse makes it an own key) stays a plain member
    // instead of being dropped, so values that differ there never hash alike.
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      const member = (value as Record<string, unknown>)[key];
      if (member !== undefined) sorted[key] = sortKeys(member);
    }
    return sorted;
  }
  return value;
}
