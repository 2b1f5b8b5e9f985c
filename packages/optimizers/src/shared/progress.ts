/** Progress of a compile, for bars and logs. */
export interface ProgressEvent {
  /** e.g. "baseline", "bootstrap", "candidate", "trial", "final". */
  readonly phase: string;
  readonly completed: number;
  readonly total: number;
  readonly message?: string;
}
