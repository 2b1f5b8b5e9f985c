/**
 * Sizes that `pnpm test:soak` turns up (vitest.soak.config.ts sets the variables); the defaults
 * keep `pnpm test` fast.
 */
export const soak = {
  /** fast-check runs are multiplied by this. */
  scale: Number(process.env.LATHE_SOAK_SCALE ?? 1),
  /** SIGKILLs in the kill-and-resume chain. */
  kills: Number(process.env.LATHE_SOAK_KILLS ?? 20),
  /** Size of each flood the huge-completion child parses. */
  hugeCompletionBytes: Number(process.env.LATHE_SOAK_COMPLETION_BYTES ?? 2 ** 18),
};

export const runs = (count: number): number => Math.round(count * soak.scale);
