const REDACTED = "[REDACTED]";

// Shapes credentials take in provider messages and URLs. Each pattern is linear-time: no
// nested quantifiers, so a hostile message cannot make it backtrack.
const PATTERNS: readonly (readonly [RegExp, string])[] = [
  [
    /\b((?:x-)?api-key|authorization)(["']?\s*[:=]\s*["']?)(?:(?:Bearer|Basic|Token)\s+)?[^\s"',;}]+/gi,
    `$1$2${REDACTED}`,
  ],
  [/\b(Bearer|Basic|Token)\s+[^\s"',;]+/gi, `$1 ${REDACTED}`],
  [/\b(?:sk|pk|rk|gsk|xai|pplx|key|api)[-_][A-Za-z0-9_-]{12,}/g, REDACTED],
  [/\bAIza[0-9A-Za-z_-]{20,}/g, REDACTED],
  [/([?&](?:key|api[_-]?key|access[_-]?token|token)=)[^&#\s"']+/gi, `$1${REDACTED}`],
];

/**
 * Removes what looks like a credential from `text`: bearer tokens, `sk-`-style keys, Google API
 * keys, key query parameters and `api-key: ...` pairs. For errors whose key Lathe never sees
 * (an Ax service holds it), this backs up dropping the request and response bodies.
 */
export function redactCredentials(text: string): string {
  return PATTERNS.reduce((result, [pattern, replacement]) => result.replace(pattern, replacement), text);
}
