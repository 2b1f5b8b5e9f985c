import { describe, expect, it } from "vitest";
import { retryDelay, serverRequestedDelay } from "../../src/openai/retry-delay.js";

const headers = (entries: Record<string, string>) => new Headers(entries);

describe("serverRequestedDelay", () => {
  it("prefers retry-after-ms, then Retry-After seconds, then an HTTP date", () => {
    expect(serverRequestedDelay(headers({ "retry-after-ms": "250", "retry-after": "9" }))).toBe(250);
    expect(serverRequestedDelay(headers({ "retry-after": "2" }))).toBe(2000);
    expect(serverRequestedDelay(headers({ "retry-after": "0.5" }))).toBe(500);
    const now = Date.parse("Wed, 21 Oct 2026 07:28:00 GMT");
    expect(serverRequestedDelay(headers({ "retry-after": "Wed, 21 Oct 2026 07:28:03 GMT" }), now)).toBe(3000);
    expect(serverRequestedDelay(headers({ "retry-after": "Wed, 21 Oct 2026 07:27:00 GMT" }), now)).toBe(0);
  });

  it("ignores missing or meaningless headers", () => {
    expect(serverRequestedDelay(undefined)).toBeUndefined();
    expect(serverRequestedDelay(headers({}))).toBeUndefined();
    expect(serverRequestedDelay(headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(serverRequestedDelay(headers({ "retry-after-ms": "-5", "retry-after": "1" }))).toBe(1000);
  });
});

describe("retryDelay", () => {
  const base = { headers: undefined, initialDelayMs: 100, maxDelayMs: 1000 };

  it("backs off exponentially with full jitter", () => {
    expect([0, 1, 2, 3].map((retry) => retryDelay({ ...base, retry, random: () => 0.999999 }))).toEqual([
      99.9999, 199.9998, 399.9996, 799.9992,
    ]);
    expect(retryDelay({ ...base, retry: 2, random: () => 0 })).toBe(0);
    expect(retryDelay({ ...base, retry: 2, random: () => 0.5 })).toBe(200);
  });

  it("caps the backoff and a server-requested wait at maxDelayMs", () => {
    expect(retryDelay({ ...base, retry: 10, random: () => 0.999999 })).toBeCloseTo(999.999, 3);
    expect(
      retryDelay({ ...base, retry: 0, random: () => 0, headers: headers({ "retry-after": "120" }) }),
    ).toBe(1000);
    expect(
      retryDelay({ ...base, retry: 0, random: () => 0, headers: headers({ "retry-after-ms": "300" }) }),
    ).toBe(300);
  });
});
