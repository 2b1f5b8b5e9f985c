/**
 * What in an HTML page would reach the network when opened: `src`/`href`/`action` attributes or
 * CSS `url()`/`@import` pointing at http(s) or protocol-relative URLs, and any external script,
 * stylesheet link or frame. Empty for a self-contained page.
 */
export function networkReferences(html: string): string[] {
  const patterns = [
    /\b(?:src|href|action|srcset|poster|data)\s*=\s*["']?\s*(?:https?:)?\/\/[^"'\s>]*/gi,
    /url\(\s*["']?\s*(?:https?:)?\/\/[^)]*\)/gi,
    /@import\b[^;]*/gi,
    /<script\b[^>]*\bsrc\b[^>]*>/gi,
    /<link\b[^>]*>/gi,
    /<(?:iframe|object|embed)\b[^>]*>/gi,
  ];
  return patterns.flatMap((pattern) => html.match(pattern) ?? []);
}
