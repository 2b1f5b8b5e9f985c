const REDACTED = "[REDACTED]";

/** Replaces every occurrence of each secret in `text`. */
export function redactText(text: string, secrets: readonly string[]): string {
  return secrets.reduce((result, secret) => (secret ? result.split(secret).join(REDACTED) : result), text);
}

/**
 * A plain copy of an error chain (name, message, stack, cause) with the secrets removed. The
 * copy drops everything else an SDK error may carry (request options, headers, bodies), which
 * is where a credential would hide.
 */
export function redactError(error: unknown, secrets: readonly string[], depth = 0): Error {
  const source = error instanceof Error ? error : new Error(String(error));
  const hasCause = depth < 8 && source.cause !== undefined;
  const copy = new Error(
    redactText(source.message, secrets),
    hasCause ? { cause: redactError(source.cause, secrets, depth + 1) } : undefined,
  );
  copy.name = redactText(source.name, secrets);
  copy.stack = source.stack === undefined ? undefined : redactText(source.stack, secrets);
  return copy;
}
