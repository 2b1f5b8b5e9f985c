const marker = Symbol.for("lathe.error");

/**
 * Base class of every error Lathe throws. `isInstance` works across duplicated copies of the
 * package (it checks a global symbol, not the prototype chain).
 */
export class LatheError extends Error {
  constructor(name: string, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = name;
    Object.defineProperty(this, marker, { value: true, enumerable: false });
  }

  static isInstance(error: unknown): error is LatheError {
    return typeof error === "object" && error !== null && (error as Record<symbol, unknown>)[marker] === true;
  }
}

/** Builds an `isInstance` guard for a subclass, keyed by its stable `name`. */
export function hasErrorName<T extends LatheError>(error: unknown, name: string): error is T {
  return LatheError.isInstance(error) && error.name === name;
}
