// Element queries for the Firefox driver, evaluated inside the page: the Playwright locator kinds the tests use
// (test id, ARIA role and accessible name, label, text, CSS with a text filter), piercing open shadow roots.
// Accessible names follow the common cases of the W3C "Accessible Name and Description Computation 1.2"
// (aria-labelledby, aria-label, <label>, then content for roles named from content), which is what our UI uses.
//
// Kept as JavaScript source text, not a function: puppeteer serialises functions with toString(), and tools that
// transform this file (tsx, Vitest) may add helpers to a function body that do not exist in the page.

/** A text to match, serialisable into the page (a RegExp travels as source and flags). */
export type TextSpec = { kind: 'string'; value: string; exact: boolean } | { kind: 'regexp'; source: string; flags: string };

export type LocatorSpec =
  | { by: 'testid'; value: string; hasText?: TextSpec }
  | { by: 'role'; role: string; name?: TextSpec; level?: number; hasText?: TextSpec }
  | { by: 'label'; text: TextSpec; hasText?: TextSpec }
  | { by: 'text'; text: TextSpec; hasText?: TextSpec }
  | { by: 'css'; selector: string; hasText?: TextSpec };

export function textSpec(text: string | RegExp, exact = false): TextSpec {
  return typeof text === 'string' ? { kind: 'string', value: text, exact } : { kind: 'regexp', source: text.source, flags: text.flags };
}

/** Source of `(spec) => Element[]`, in document order. */
export const RESOLVE_SOURCE = String.raw`(spec) => {
  const norm = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const matches = (t, text) => {
    if (!t) return true;
    if (t.kind === 'regexp') return new RegExp(t.source, t.flags).test(text);
    return t.exact ? text === t.value : text.toLowerCase().includes(norm(t.value).toLowerCase());
  };
  const all = [];
  const walk = (root) => {
    for (const el of root.querySelectorAll('*')) {
      all.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  walk(document);
  const deepQuery = (selector) => {
    const found = new Set();
    const search = (root) => {
      for (const el of root.querySelectorAll(selector)) found.add(el);
      for (const el of root.querySelectorAll('*')) if (el.shadowRoot) search(el.shadowRoot);
    };
    search(document);
    return all.filter((el) => found.has(el));
  };
  const hidden = (el) => !el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: true });
  const implicitRole = (el) => {
    const tag = el.localName;
    const type = (el.getAttribute('type') || 'text').toLowerCase();
    if (tag === 'button') return 'button';
    if (tag === 'input') {
      if (['button', 'submit', 'reset', 'image'].includes(type)) return 'button';
      if (type === 'checkbox') return 'checkbox';
      if (type === 'radio') return 'radio';
      if (type === 'search') return 'searchbox';
      if (['text', 'email', 'url', 'tel'].includes(type)) return 'textbox';
      return null;
    }
    if (tag === 'textarea') return 'textbox';
    if (tag === 'select') return el.multiple || el.size > 1 ? 'listbox' : 'combobox';
    if (tag === 'a' && el.hasAttribute('href')) return 'link';
    if (/^h[1-6]$/.test(tag)) return 'heading';
    if (tag === 'output') return 'status';
    if (tag === 'dialog') return 'dialog';
    if (tag === 'ul' || tag === 'ol') return 'list';
    if (tag === 'li') return 'listitem';
    if (tag === 'summary') return 'button';
    return null;
  };
  const roleOf = (el) => (el.getAttribute('role') || '').split(' ')[0] || implicitRole(el);
  const byIds = (el, attr) =>
    norm((el.getAttribute(attr) || '').split(/\s+/).map((id) => el.getRootNode().getElementById?.(id)?.textContent || '').join(' '));
  const labelText = (el) => {
    if (el.hasAttribute('aria-labelledby')) return byIds(el, 'aria-labelledby');
    if (norm(el.getAttribute('aria-label'))) return norm(el.getAttribute('aria-label'));
    const labels = el.labels ? [...el.labels].map((l) => norm(l.textContent)).join(' ') : '';
    return norm(labels);
  };
  const NAMED_FROM_CONTENT = ['button', 'tab', 'heading', 'link', 'checkbox', 'radio', 'option', 'menuitem', 'cell', 'listitem', 'treeitem'];
  const accessibleName = (el) => {
    const label = labelText(el);
    if (label) return label;
    if (NAMED_FROM_CONTENT.includes(roleOf(el))) return norm(el.textContent) || norm(el.getAttribute('title'));
    return norm(el.getAttribute('title')) || norm(el.getAttribute('placeholder'));
  };
  let found;
  if (spec.by === 'testid') found = deepQuery('[data-testid="' + CSS.escape(spec.value) + '"]');
  else if (spec.by === 'css') found = deepQuery(spec.selector);
  else if (spec.by === 'role') {
    found = all.filter((el) => roleOf(el) === spec.role && !hidden(el) && matches(spec.name, accessibleName(el)) &&
      (spec.level === undefined || Number(el.getAttribute('aria-level') || el.localName.slice(1)) === spec.level));
  } else if (spec.by === 'label') {
    found = all.filter((el) => (el.labels || el.hasAttribute('aria-label') || el.hasAttribute('aria-labelledby')) && labelText(el) && matches(spec.text, labelText(el)));
  } else {
    // The innermost elements whose text matches, like Playwright's text engine.
    const hit = all.filter((el) => !['script', 'style', 'template'].includes(el.localName) && matches(spec.text, norm(el.textContent)));
    const hits = new Set(hit);
    found = hit.filter((el) => ![...el.children].some((child) => hits.has(child)));
  }
  if (spec.hasText) found = found.filter((el) => matches(spec.hasText, norm(el.textContent)));
  return found;
}`;
