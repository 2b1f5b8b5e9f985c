import { describe, expect, it } from "vitest";
import { misplacedResults, runLoad } from "./support/load.js";

const CALLS = 50_000;
const CONCURRENCY = 64;

describe("load (soak)", () => {
  it(`${CALLS.toLocaleString("en")} calls at concurrency ${CONCURRENCY}: every call answered in order, exactly ${CONCURRENCY} in flight at the peak, steady heap`, async () => {
    const run = await runLoad({ calls: CALLS, concurrency: CONCURRENCY, latencyMs: 4, stallEvery: 5_000 });
    const { figures } = run;
    if (process.env.FIGURES) console.log(`[figures] soak load: ${JSON.stringify(figures)}`);
    expect(figures).toMatchObject({ calls: CALLS, errors: 0, completed: CALLS });
    expect(figures).toMatchObject({ fullStalls: CALLS / 5_000, abandonedStalls: 0 });
    expect(figures.peakInFlight).toBe(CONCURRENCY);
    expect(misplacedResults(run)).toEqual([]);
    expect(figures.heapGrowthMb).toBeLessThan(24);
  }, 600_000);
});
