const WIDTH = 24;
const REDRAW_MS = 80;

/**
 * A one-line progress bar redrawn in place on a terminal (`phase [#####-----] 12/40 message`).
 * Disabled, it does nothing, so piped output and CI logs stay clean.
 */
export class ProgressBar {
  private phase = "";
  private lastDraw = 0;
  private drawn = false;

  constructor(
    private readonly stream: NodeJS.WritableStream & { columns?: number },
    private readonly enabled: boolean,
  ) {}

  update(phase: string, completed: number, total: number, message = ""): void {
    if (!this.enabled) return;
    const now = Date.now();
    const changed = phase !== this.phase;
    if (!changed && completed < total && now - this.lastDraw < REDRAW_MS) return;
    if (changed && this.drawn) this.stream.write("\n");
    this.phase = phase;
    this.lastDraw = now;
    const share = total > 0 ? Math.min(1, completed / total) : 0;
    const filled = Math.round(share * WIDTH);
    const bar = `${"#".repeat(filled)}${"-".repeat(WIDTH - filled)}`;
    const text = `${phase.padEnd(10)} [${bar}] ${completed}/${total}${message ? ` ${message}` : ""}`;
    const columns = this.stream.columns ?? 100;
    this.stream.write(`\r\u001b[2K${text.slice(0, Math.max(20, columns - 1))}`);
    this.drawn = true;
  }

  /** Ends the bar's line so that later output starts on a fresh one. */
  done(): void {
    if (this.enabled && this.drawn) this.stream.write("\n");
    this.drawn = false;
    this.phase = "";
  }
}
