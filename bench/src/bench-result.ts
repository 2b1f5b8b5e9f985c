/** What one benchmark hands back to the runner: Markdown for people, JSON for tools. */
export interface BenchResult {
  /** File stem under `bench/results/`, e.g. `overhead`. */
  readonly id: string;
  readonly title: string;
  readonly markdown: string;
  readonly json: unknown;
  readonly seconds: number;
}
