// Headers that carry a credential when a user sets them (a gateway token, Azure's `api-key`...).
const CREDENTIAL_HEADERS = new Set(["authorization", "proxy-authorization", "api-key", "x-api-key"]);
// Shorter values would redact ordinary words from messages; no real credential is this short.
const MIN_SECRET_LENGTH = 8;

/**
 * The credentials among custom headers, to be redacted like the API key: each value, and the
 * token after an auth scheme (`Bearer <token>`), since a server may echo either.
 */
export function credentialHeaderValues(headers: Readonly<Record<string, string>> | undefined): string[] {
  const secrets: string[] = [];
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (!CREDENTIAL_HEADERS.has(name.toLowerCase())) continue;
    const token = value.trim().replace(/^[A-Za-z]+\s+/, "");
    for (const secret of [value.trim(), token]) {
      if (secret.length >= MIN_SECRET_LENGTH && !secrets.includes(secret)) secrets.push(secret);
    }
  }
  return secrets;
}
