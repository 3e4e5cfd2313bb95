// Recognises page furniture inside or around an article (promos, sign-ups, share bars, related links, comments,
// ads, hidden copies) by generic cues, so the text map can leave it out without knowing any one site's markup.

const FURNITURE_TAGS = new Set([
  'NAV', 'ASIDE', 'FOOTER', 'FORM', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG', 'MENU', 'SCRIPT', 'STYLE',
  'NOSCRIPT', 'TEMPLATE', 'IFRAME',
]);

const FURNITURE_ROLES = new Set([
  'navigation', 'banner', 'contentinfo', 'complementary', 'search', 'dialog', 'alertdialog', 'menu', 'menubar',
  'toolbar', 'tablist',
]);

/** Only whole blocks are judged by their text: judging an inline link would cut words out of a sentence. */
const BLOCK_TAGS = new Set([
  'P', 'DIV', 'LI', 'UL', 'OL', 'DL', 'SECTION', 'HEADER', 'H2', 'H3', 'H4', 'H5', 'H6', 'FIGURE', 'FIGCAPTION',
  'BLOCKQUOTE', 'TABLE', 'CENTER',
]);

/** Containers that hold the article itself; a wrapper class like "has-sidebar" must not hide the whole story. */
const CONTENT_TAGS = new Set(['HTML', 'BODY', 'MAIN', 'ARTICLE']);

// Matched against class, id, aria-label and data-* values split into lowercase words ("NewsletterPromo" and
// "newsletter-promo" both become "newsletter promo"), so "ad" matches "ad-slot" but not "header" or "download".
const FURNITURE_WORDS = new RegExp(
  '\\b(?:' +
    [
      'ads?', 'adv', 'adverts?', 'advertis\\w*', 'ad ?(?:slot|unit|container|wrapper)', 'dfp', 'gpt', 'sponsor\\w*',
      'promos?', 'promotion\\w*', 'newsletters?', 'sign ?up', 'subscri\\w*', 'paywall', 'regwall', 'related',
      'share', 'sharing', 'social', 'comments?', 'discussion', 'disqus', 'replies', 'outbrain', 'taboola',
      'recirc\\w*', 'breadcrumbs?', 'pagination', 'pager', 'nav', 'navigation', 'menu', 'footer', 'masthead',
      'sidebar', 'widget', 'trending', 'most (?:read|viewed|popular|shared)', 'read (?:next|more)',
      'more (?:stories|from|on)', 'you may also like', 'cookies?', 'consent', 'gdpr', 'contributions?', 'donate',
      'membership', 'tags', 'keywords', 'submeta', 'pull ?quote', 'skip link',
    ].join('|') +
    ')\\b',
);

/** Whole text of a block that only labels an ad slot. */
const AD_LABEL = /^(?:advertisement|advert|ad|sponsored(?: content)?|paid (?:post|content)|story continues below(?: this)? advertisement|article continues below(?: this)? (?:ad|advertisement)|continue reading below)$/i;

/** Calls to action that mark a short block with a link or control as a promo rather than article text. */
const CALL_TO_ACTION =
  /\b(?:sign ?up|subscribe|newsletter|delivered (?:directly )?to your inbox|read (?:the full|the whole|more)|continue reading|full (?:article|story)|follow us|download (?:our|the) app|related:|see also|more on this|listen to this|share this)\b/i;

const SHORT_BLOCK = 300;
/** Indented markup can carry several times its visible text in whitespace. */
const RAW_WHITESPACE_ALLOWANCE = 8;
const LINK_ONLY_BLOCK = 200;
const PAGE_WRAPPER_TEXT = 1000;
const ATTRIBUTE_VALUE_LIMIT = 80;

function words(value: string): string {
  return value
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function describingWords(el: Element): string {
  const parts: string[] = [];
  const className = el.getAttribute('class');
  if (className) parts.push(className);
  for (const name of ['id', 'aria-label', 'itemprop']) {
    const value = el.getAttribute(name);
    if (value) parts.push(value);
  }
  for (const attr of Array.from(el.attributes)) {
    if (attr.name.startsWith('data-')) {
      // Ad scripts mark their slots with attribute names (data-ad-slot, data-google-query-id) more than values.
      parts.push(attr.name.slice(5));
      if (attr.value.length <= ATTRIBUTE_VALUE_LIMIT) parts.push(attr.value);
    }
  }
  return words(parts.join(' '));
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el as HTMLElement).style as CSSStyleDeclaration | undefined;
  if (style && (style.display === 'none' || style.visibility === 'hidden')) return true;
  if (el.getAttribute('aria-hidden') === 'true') {
    // Sites hide the whole page from assistive tech while a dialog is open; only small decorative copies count.
    return (el.textContent ?? '').length < PAGE_WRAPPER_TEXT;
  }
  return false;
}

function isStyledHidden(el: Element): boolean {
  const view = el.ownerDocument.defaultView;
  if (!view) return false;
  const computed = view.getComputedStyle(el);
  return computed.display === 'none' || computed.visibility === 'hidden';
}

function holdsArticleBody(el: Element): boolean {
  return (
    CONTENT_TAGS.has(el.tagName) ||
    el.getAttribute('itemprop') === 'articleBody' ||
    el.querySelector('h1, [itemprop="articleBody"], article') !== null
  );
}

function linkTextLength(el: Element): number {
  let total = 0;
  for (const link of Array.from(el.querySelectorAll('a[href]'))) total += (link.textContent ?? '').trim().length;
  return total;
}

function isPromoBlock(el: Element, text: string): boolean {
  if (AD_LABEL.test(text)) return true;
  const controls = Array.from(el.querySelectorAll('a[href], button, [role="button"], input[type="submit"]'));
  if (controls.length === 0) return false;
  if (text.length <= LINK_ONLY_BLOCK && linkTextLength(el) / text.length >= 0.7) return true;
  // A link inside a sentence is article text; a link whose own words are a call to action is a promo.
  if (controls.some((control) => CALL_TO_ACTION.test(control.textContent ?? ''))) return true;
  return el.querySelector('button, input, form') !== null && CALL_TO_ACTION.test(text);
}

export interface BoilerplateOptions {
  /** Read computed styles to catch elements hidden by stylesheets (costly in non-browser DOMs). Default true. */
  computedStyle?: boolean;
}

/**
 * True when `el` (with its subtree) is page furniture rather than article text. Generic cues only: furniture tags and
 * roles, hidden elements, class/id/aria/data words, ad labels, short link-only or call-to-action blocks.
 */
export function isBoilerplate(el: Element, options: BoilerplateOptions = {}): boolean {
  if (FURNITURE_TAGS.has(el.tagName)) return true;
  const role = el.getAttribute('role');
  if (role && FURNITURE_ROLES.has(role.toLowerCase())) return !holdsArticleBody(el);
  if (isHidden(el)) return true;
  if (FURNITURE_WORDS.test(describingWords(el)) && !holdsArticleBody(el)) return true;
  if (BLOCK_TAGS.has(el.tagName)) {
    const raw = el.textContent ?? '';
    // Collapsing whitespace in a whole article body only to learn it is long would dominate the walk.
    if (raw.length <= SHORT_BLOCK * RAW_WHITESPACE_ALLOWANCE) {
      const text = raw.replace(/\s+/g, ' ').trim();
      if (text.length > 0 && text.length <= SHORT_BLOCK && isPromoBlock(el, text)) return true;
    }
  }
  return options.computedStyle !== false && isStyledHidden(el);
}
