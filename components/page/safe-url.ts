// Evidence links are typed by the reader but may also arrive from imported backups: both are untrusted.
// Only http(s) ever becomes a link; everything else is refused or shown as text.

const MAX_URL_LENGTH = 2048;
const HAS_SCHEME = /^[a-z][a-z0-9+.-]*:/i;
const LOOKS_LIKE_HOST = /^[^\s/:]+\.[^\s/:]{2,}(?:[/?#]\S*)?$/;

export function isHttpUrl(value: string): boolean {
  try {
    const { protocol } = new URL(value);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

export type UrlCheck = { ok: true; url: string } | { ok: false; error: string };

/** Accepts http(s) links; a bare "example.com/page" is read as https, since that is what people paste from address bars. */
export function checkEvidenceUrl(input: string): UrlCheck {
  const trimmed = input.trim();
  if (!trimmed) return { ok: false, error: 'Enter a link to the evidence.' };
  if (trimmed.length > MAX_URL_LENGTH) return { ok: false, error: 'That link is too long.' };
  const candidate = !HAS_SCHEME.test(trimmed) && LOOKS_LIKE_HOST.test(trimmed) ? `https://${trimmed}` : trimmed;
  if (!isHttpUrl(candidate)) return { ok: false, error: 'Only web links starting with http:// or https:// can be added.' };
  return { ok: true, url: new URL(candidate).href };
}
