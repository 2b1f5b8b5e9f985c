import { LatheError } from "../errors/lathe-error.js";

const NAME = "LatheBudgetExceededError";

export type BudgetLimitKind = "calls" | "tokens" | "usd";

/** A call was refused because a budget cap was reached. Optimizers stop cleanly on it. */
export class BudgetExceededError extends LatheError {
  readonly limit: BudgetLimitKind;
  readonly cap: number;
  readonly spent: number;

  constructor(limit: BudgetLimitKind, cap: number, spent: number) {
    const unit = limit === "usd" ? `$${cap}` : `${cap} ${limit}`;
    super(
      NAME,
      `budget of ${unit} reached (spent ${limit === "usd" ? `$${spent.toFixed(4)}` : spent}); raise the cap to continue`,
    );
    this.limit = limit;
    this.cap = cap;
    this.spent = spent;
  }

  static override isInstance(error: unknown): error is BudgetExceededError {
    return LatheError.isInstance(error) && error.name === NAME;
  }
}
