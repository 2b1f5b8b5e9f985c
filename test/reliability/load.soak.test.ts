import { describe, expect, it } from "vitest";
import { runLoad } from "./support/load.js";

describe("load (soak)", () => {
  it("10,000 calls at concurrency 64: every call answered, never more than 64 in flight, steady heap", async () => {
    const figures = await runLoad({ calls: 10_000, concurrency: 64, latencyMs: 10 });
    console.log(`[figures] soak load: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ calls: 10_000, errors: 0, completed: 10_000 });
    expect(figures.peakInFlight).toBeLessThanOrEqual(64);
    expect(figures.peakInFlight).toBeGreaterThanOrEqual(16);
    expect(figures.heapGrowthMb).toBeLessThan(24);
  }, 600_000);
});
