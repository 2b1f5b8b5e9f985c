import { describe, expect, it } from "vitest";
import { misplacedResults, runLoad } from "./support/load.js";

const CALLS = 10_000;
const CONCURRENCY = 64;

// load.soak.test.ts runs the same for longer (`pnpm test:soak`).
describe("load", () => {
  it(`${CALLS.toLocaleString("en")} calls at concurrency ${CONCURRENCY}: every call answered in order, exactly ${CONCURRENCY} in flight at the peak, steady heap`, async () => {
    const run = await runLoad({ calls: CALLS, concurrency: CONCURRENCY, latencyMs: 4, stallEvery: 2_000 });
    const { figures } = run;
    if (process.env.FIGURES) console.log(`[figures] load: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ calls: CALLS, errors: 0, completed: CALLS });
    // The limit was filled (every stall held 64 calls at once) and never exceeded.
    expect(figures).toMatchObject({ fullStalls: CALLS / 2_000, abandonedStalls: 0 });
    expect(figures.peakInFlight).toBe(CONCURRENCY);
    // Each result sits at its example's index and holds that example's answer: no response went
    // to another concurrent request.
    expect(run.results).toHaveLength(CALLS);
    expect(misplacedResults(run)).toEqual([]);
    // The results of every example stay in memory by design (a few hundred bytes each); a leak of
    // a request, a socket or a listener per call would be several KB each.
    expect(figures.heapGrowthMb).toBeLessThan(8);
  }, 120_000);
});
