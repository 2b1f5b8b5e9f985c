import { describe, expect, it } from "vitest";
import { runLoad } from "./support/load.js";

// The 10,000-call run is in load.soak.test.ts (`pnpm test:soak`).
describe("load", () => {
  it("2,000 calls at concurrency 64: every call answered, never more than 64 in flight, steady heap", async () => {
    const figures = await runLoad({ calls: 2_000, concurrency: 64, latencyMs: 10 });
    if (process.env.FIGURES) console.log(`[figures] load: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ calls: 2_000, errors: 0, completed: 2_000 });
    expect(figures.peakInFlight).toBeLessThanOrEqual(64);
    expect(figures.peakInFlight).toBeGreaterThanOrEqual(16);
    // The results of every example stay in memory by design (a few hundred bytes each); a leak of
    // a request, a socket or a listener per call would be several KB each.
    expect(figures.heapGrowthMb).toBeLessThan(8);
  }, 120_000);
});
