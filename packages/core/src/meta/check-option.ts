/** Throws a RangeError naming the option unless `value` is a whole number >= `minimum`. */
export function assertWholeNumber(owner: string, name: string, value: number, minimum: number): void {
  if (!Number.isInteger(value) || value < minimum) {
    throw new RangeError(`${owner}: ${name} must be a whole number >= ${minimum}, got ${value}`);
  }
}

/** Throws a RangeError unless `value` is a number above zero (a sampling temperature). */
export function assertPositive(owner: string, name: string, value: number): void {
  if (typeof value !== "number" || !(value > 0)) {
    throw new RangeError(`${owner}: ${name} must be > 0 so that samples differ, got ${value}`);
  }
}
