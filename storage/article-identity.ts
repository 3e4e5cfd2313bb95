// The identity of an article: one URL for every way a reader can reach it (AMP, mobile, shared links with
// tracking parameters), and a hash of its text to notice later edits.
//
// Decisions:
// - `www.` (and the `amp.`, `m.`, `mobile.` variants) are dropped: identity must not depend on which host variant a
//   reader landed on, and without a canonical link we cannot tell whether a site lives at `www.` or at the bare name.
//   News sites that use `www.` redirect the bare name to it, so the stored URL still opens the article.
// - A trailing slash is dropped (except for the root path): sites serve both spellings of the same article.
// - Remaining query parameters are sorted so that two shares of one link with reordered parameters agree.
// - The scheme is kept: upgrading http to https could point at a site that has no https at all.
// - A canonical link or og:url counts only on the page's own site (same registrable domain): a page cannot claim
//   another site's article as its identity and so collect, or show, the notes a reader made there.

const TRACKING_PARAMS = new Set([
  'fbclid', 'gclid', 'gclsrc', 'dclid', 'gbraid', 'wbraid', 'msclkid', 'yclid', 'twclid', 'ttclid', 'li_fat_id',
  'igshid', 'igsh', 'mc_cid', 'mc_eid', 'mkt_tok', 'ref', 'ref_src', 'ref_url', 'ocid', 'cmpid', 'cmp',
  'icid', 'ito', 'smid', 'smtyp', 'sr_share', 'taid', 'xtor', 'ns_mchannel', 'ns_source',
  'ns_campaign', 'ns_linkname', 'ns_fee', 's_cid', 'wt.mc_id', 'wt_mc', 'at_medium', 'at_campaign', 'at_custom1',
  'at_custom2', 'at_custom3', 'at_custom4', '_ga', '_gl', 'guccounter', 'guce_referrer', 'guce_referrer_sig',
  'soc_src', 'soc_trk',
]);
const TRACKING_PREFIXES = ['utm_', 'pk_', 'mtm_', 'hsa_', 'oly_'];

/** Parameters that only select the AMP rendering of the same article. */
const AMP_PARAMS: Record<string, (value: string) => boolean> = {
  amp: (value) => value === '' || value === '1' || value === 'true',
  output: (value) => value.toLowerCase() === 'amp',
  outputtype: (value) => value.toLowerCase() === 'amp',
};

const HOST_VARIANT_PREFIXES = ['www.', 'amp.', 'm.', 'mobile.'];

function parseHttpUrl(raw: string | undefined, base?: string): URL | null {
  if (!raw || raw.trim() === '') return null;
  try {
    const url = new URL(raw.trim(), base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

/** Google's AMP cache serves a publisher's page under its own host; the publisher's URL is inside the path. */
function unwrapAmpCache(url: URL): URL {
  const { hostname, pathname } = url;
  let inner: string | null = null;
  if (hostname.endsWith('.cdn.ampproject.org')) {
    const match = /^\/[a-z]+\/(s\/)?(.+)$/i.exec(pathname);
    if (match?.[2]) inner = `${match[1] ? 'https' : 'http'}://${match[2]}`;
  } else if (/^(www\.)?google\.[a-z.]+$/i.test(hostname)) {
    const match = /^\/amp\/(s\/)?(.+)$/i.exec(pathname);
    if (match?.[2]) inner = `${match[1] ? 'https' : 'http'}://${match[2]}`;
  }
  if (inner === null) return url;
  return parseHttpUrl(inner + url.search) ?? url;
}

function stripHostVariant(hostname: string): string {
  for (const prefix of HOST_VARIANT_PREFIXES) {
    const rest = hostname.slice(prefix.length);
    // Keep at least "name.tld": "www.com" or "m.co" are real registrable names, not variants.
    if (hostname.startsWith(prefix) && rest.includes('.')) return rest;
  }
  return hostname;
}

function stripAmpPath(pathname: string): string {
  const segments = pathname.split('/');
  const kept = segments.filter((segment, index) => index === 0 || segment.toLowerCase() !== 'amp');
  const last = kept.length - 1;
  const lastSegment = kept[last];
  if (lastSegment !== undefined) kept[last] = lastSegment.replace(/\.amp(\.html?)$/i, '$1').replace(/\.amp$/i, '');
  const path = kept.join('/');
  return path === '' ? '/' : path;
}

function isTrackingParam(name: string): boolean {
  const lower = name.toLowerCase();
  return TRACKING_PARAMS.has(lower) || TRACKING_PREFIXES.some((prefix) => lower.startsWith(prefix));
}

function isAmpParam(name: string, value: string): boolean {
  const test = AMP_PARAMS[name.toLowerCase()];
  return test !== undefined && test(value);
}

function cleanQuery(params: URLSearchParams): string {
  const kept = [...params].filter(([name, value]) => !isTrackingParam(name) && !isAmpParam(name, value));
  kept.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
}

/** A canonical link pointing at the site's home page from a deeper page is a known CMS misconfiguration. */
function isHomePageFallback(canonical: URL, page: URL | null): boolean {
  return canonical.pathname === '/' && canonical.search === '' && page !== null && page.pathname !== '/';
}

/**
 * Public suffixes of more than one label that news sites sit under (the Public Suffix List's common second-level
 * country domains). A built-in subset, not the whole list: for other suffixes the last two labels are taken, which can
 * only make two sites under an unknown multi-part suffix look like one site to each other.
 */
const MULTI_PART_SUFFIXES = new Set([
  'co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'me.uk', 'ltd.uk', 'plc.uk', 'net.uk', 'sch.uk',
  'com.au', 'net.au', 'org.au', 'edu.au', 'gov.au', 'asn.au', 'id.au',
  'co.nz', 'org.nz', 'net.nz', 'govt.nz', 'ac.nz',
  'co.za', 'org.za', 'gov.za', 'co.in', 'net.in', 'org.in', 'gov.in', 'ac.in',
  'co.jp', 'ne.jp', 'or.jp', 'ac.jp', 'go.jp', 'co.kr', 'or.kr', 'go.kr',
  'com.br', 'org.br', 'gov.br', 'com.ar', 'com.mx', 'gob.mx', 'com.co', 'com.pe', 'com.ve', 'com.uy', 'cl.cl',
  'com.cn', 'net.cn', 'org.cn', 'gov.cn', 'com.hk', 'org.hk', 'com.tw', 'org.tw', 'com.sg', 'org.sg', 'gov.sg',
  'com.my', 'com.ph', 'com.pk', 'com.bd', 'com.ng', 'com.gh', 'co.ke', 'co.ug', 'co.tz', 'com.eg', 'co.il', 'org.il',
  'com.tr', 'org.tr', 'gov.tr', 'com.sa', 'com.qa', 'com.kw', 'co.id', 'or.id', 'go.id', 'co.th', 'in.th', 'go.th',
  'com.ua', 'com.pl', 'co.at', 'or.at', 'com.es', 'com.pt', 'com.gr', 'com.cy', 'com.mt',
]);

/** The registrable domain (eTLD+1) of a host: "www.bbc.co.uk" -> "bbc.co.uk", "edition.cnn.com" -> "cnn.com". */
export function registrableDomain(hostname: string): string {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  // IP addresses (v4 dotted, v6 in brackets) are their own site.
  if (/^\d+(?:\.\d+){3}$/.test(host) || host.startsWith('[')) return host;
  const labels = host.split('.');
  if (labels.length <= 2) return host;
  const lastTwo = labels.slice(-2).join('.');
  return labels.slice(MULTI_PART_SUFFIXES.has(lastTwo) ? -3 : -2).join('.');
}

function sameSite(a: URL, b: URL): boolean {
  return registrableDomain(a.hostname) === registrableDomain(b.hostname);
}

function chooseUrl(pageUrl: string, hints: { canonical?: string; ogUrl?: string }): URL {
  const page = parseHttpUrl(pageUrl);
  // An AMP cache serves the publisher's page from Google's host: the publisher's site is the page's site.
  const site = page ? unwrapAmpCache(page) : null;
  const usable = (hint: URL | null): hint is URL =>
    hint !== null && !isHomePageFallback(hint, page) && site !== null && sameSite(unwrapAmpCache(hint), site);
  const canonical = parseHttpUrl(hints.canonical, page?.href);
  if (usable(canonical)) return canonical;
  const og = parseHttpUrl(hints.ogUrl, page?.href);
  if (usable(og)) return og;
  if (page) return page;
  throw new TypeError(`Not an http(s) URL: ${pageUrl.slice(0, 200)}`);
}

/**
 * One URL per article: canonical link (if http(s) and on the page's own site, see registrableDomain) > og:url (same
 * condition) > page URL, then tracking parameters, fragments,
 * credentials, default ports, host variants, AMP markers and trailing slashes removed.
 * Throws TypeError when none of the candidates is an http(s) URL.
 */
export function normalizeArticleUrl(pageUrl: string, hints: { canonical?: string; ogUrl?: string } = {}): string {
  const url = unwrapAmpCache(chooseUrl(pageUrl, hints));
  const hostname = stripHostVariant(url.hostname.replace(/\.$/, ''));
  let pathname = stripAmpPath(url.pathname);
  if (pathname.length > 1 && pathname.endsWith('/')) pathname = pathname.replace(/\/+$/, '') || '/';
  // URL already lowercases the host and drops default ports; rebuilding drops credentials and the fragment.
  const port = url.port === '' ? '' : `:${url.port}`;
  return `${url.protocol}//${hostname}${port}${pathname}${cleanQuery(url.searchParams)}`;
}

/**
 * The page's own address as the reader saw it (host variant such as `www.` kept, unlike the article identity) with the
 * fragment, credentials and tracking parameters removed: what an exported annotation names as its source.
 * Throws TypeError when `pageUrl` is not an http(s) URL.
 */
export function pageAddress(pageUrl: string): string {
  const url = parseHttpUrl(pageUrl);
  if (!url) throw new TypeError(`Not an http(s) URL: ${pageUrl.slice(0, 200)}`);
  const kept = [...url.searchParams].filter(([name]) => !isTrackingParam(name));
  const query = kept.length === 0 ? '' : `?${new URLSearchParams(kept).toString()}`;
  return `${url.protocol}//${url.host}${url.pathname}${query}`;
}

/**
 * Collapses every run of whitespace (non-breaking spaces included) and drops zero-width spaces, so re-flowed text
 * hashes the same. Zero-width joiners stay: they change how emoji and some scripts read.
 */
function normalizeWhitespace(text: string): string {
  return text.replace(/[\u200B\u2060\uFEFF]/g, '').replace(/\s+/g, ' ').trim();
}

/** SHA-256 (hex) of the whitespace-normalised, NFC-normalised text. */
export async function hashArticleText(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(normalizeWhitespace(text.normalize('NFC')));
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
