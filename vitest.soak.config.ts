import { defineConfig } from "vitest/config";

// `pnpm test:soak`: the reliability suite at full size (more kills, more property runs, megabyte
// completions) plus the long runs kept out of `pnpm test` (`*.soak.test.ts`). Figures are printed.
export default defineConfig({
  test: {
    include: ["test/reliability/**/*.test.ts"],
    exclude: ["**/node_modules/**", "**/dist/**"],
    env: {
      LATHE_SOAK_SCALE: "5",
      LATHE_SOAK_KILLS: "60",
      LATHE_SOAK_COMPLETION_BYTES: String(2 ** 20),
      FIGURES: "1",
      LATHE_FC_SEED: "random",
    },
    setupFiles: ["./test/support/fast-check-seed.ts"],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    pool: "forks",
    fileParallelism: false,
  },
});
