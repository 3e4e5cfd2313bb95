import { describe, it, expect } from 'vitest';
import { buildTextMap, offsetsFromPoint, offsetsFromRange, rangeFromOffsets } from '../../../anchoring/text-map';

function mount(markup: string): HTMLElement {
  const root = document.createElement('div');
  // DOMParser keeps the test markup out of innerHTML; its nodes are adopted into the live document.
  const parsed = new DOMParser().parseFromString(`<body>${markup}</body>`, 'text/html');
  for (const node of [...parsed.body.childNodes]) root.append(document.adoptNode(node));
  document.body.replaceChildren(root);
  return root;
}

describe('buildTextMap text', () => {
  it('separates blocks with exactly one paragraph break and none at the edges', () => {
    const root = mount('<div><h1>Title</h1><div><div><p>First para.</p></div></div><ul><li>One</li><li>Two</li></ul><p>Last</p></div>');
    expect(buildTextMap(root).text).toBe('Title\n\nFirst para.\n\nOne\n\nTwo\n\nLast');
  });

  it('keeps inline elements inside one paragraph', () => {
    const root = mount('<p>The <a href="https://example.com">council</a> <em>approved</em> the <strong>budget</strong>.</p>');
    expect(buildTextMap(root).text).toBe('The council approved the budget.');
  });

  it('turns <br> into a paragraph break', () => {
    const root = mount('<p>line one<br>line two</p>');
    expect(buildTextMap(root).text).toBe('line one\n\nline two');
  });

  it('collapses HTML whitespace like a browser and drops it at block edges', () => {
    const root = mount('<p>\n   Hello,\n\t  <b> big </b>   world  \n</p>\n\n  <p>  again </p>');
    expect(buildTextMap(root).text).toBe('Hello, big world\n\nagain');
  });

  it('keeps non-breaking spaces and preformatted whitespace', () => {
    const root = mount('<p>10\u00a0km</p><pre>a  b\n  c</pre>');
    expect(buildTextMap(root).text).toBe('10\u00a0km\n\na  b\n  c');
  });

  it('skips scripts, styles, hidden and aria-hidden content, form fields and display:none', () => {
    const root = mount(
      '<p>Keep<script>var x = 1;</script><style>p{}</style> this</p>' +
        '<noscript>enable JS</noscript><template><p>tpl</p></template>' +
        '<p hidden>hidden attr</p><p aria-hidden="true">aria</p>' +
        '<p style="display:none">none</p><p style="visibility:hidden">invisible</p>' +
        '<svg><text>chart</text></svg><textarea>typed</textarea><input value="v">' +
        '<p>and this</p>',
    );
    expect(buildTextMap(root).text).toBe('Keep this\n\nand this');
  });

  it('leaves out subtrees the caller rejects', () => {
    const root = mount('<p>Story text.</p><div class="promo"><p>Sign up to our newsletter</p></div><p>More story.</p>');
    const map = buildTextMap(root, { skip: (el) => el.classList.contains('promo') });
    expect(map.text).toBe('Story text.\n\nMore story.');
  });

  it('treats elements styled as blocks as blocks', () => {
    const root = mount('<span style="display:block">one</span><span style="display:block">two</span>');
    expect(buildTextMap(root).text).toBe('one\n\ntwo');
  });

  it('stops at maxChars', () => {
    const root = mount('<p>abcdefghij</p><p>klmnop</p>');
    expect(buildTextMap(root, { maxChars: 4 }).text).toBe('abcd');
  });
});

describe('offsets and ranges', () => {
  const markup =
    '<h2>Budget   day</h2><p>The <a href="https://example.com">city\n  council</a> approved a <em>new</em> budget.</p>' +
    '<p hidden>secret</p><p>Bus fares rise.</p>';

  it('round-trips every substring through a DOM Range', () => {
    const root = mount(markup);
    const map = buildTextMap(root);
    expect(map.text).toBe('Budget day\n\nThe city council approved a new budget.\n\nBus fares rise.');
    for (let start = 0; start < map.text.length; start++) {
      for (let end = start + 1; end <= map.text.length; end++) {
        const slice = map.text.slice(start, end);
        if (slice.trim() !== slice || slice.includes('\n')) continue;
        const range = rangeFromOffsets(map, start, end);
        expect(range?.toString().replace(/\s+/g, ' ')).toBe(slice);
        expect(offsetsFromRange(map, range as Range)).toEqual({ start, end });
      }
    }
  });

  it('trims paragraph breaks from the ends of a range', () => {
    const root = mount(markup);
    const map = buildTextMap(root);
    const start = map.text.indexOf('budget.');
    const end = map.text.indexOf('Bus') + 3;
    const range = rangeFromOffsets(map, start, end);
    expect(range?.startContainer.textContent).toBe(' budget.');
    expect(range?.endContainer.textContent).toBe('Bus fares rise.');
    expect(rangeFromOffsets(map, start + 7, start + 9)).toBeNull();
  });

  it('maps a selection that starts and ends on elements', () => {
    const root = mount(markup);
    const map = buildTextMap(root);
    const paragraph = root.querySelector('p') as HTMLParagraphElement;
    const range = document.createRange();
    range.selectNodeContents(paragraph);
    expect(offsetsFromRange(map, range)).toEqual({ start: 12, end: 12 + 'The city council approved a new budget.'.length });
    const acrossHidden = document.createRange();
    acrossHidden.setStart(root.querySelector('p[hidden]')?.firstChild as Text, 2);
    acrossHidden.setEnd(root.lastElementChild?.firstChild as Text, 3);
    expect(offsetsFromRange(map, acrossHidden)).toEqual({ start: map.text.indexOf('Bus'), end: map.text.indexOf('Bus') + 3 });
  });

  it('maps caret positions, including inside collapsed whitespace', () => {
    const root = mount(markup);
    const map = buildTextMap(root);
    const link = root.querySelector('a')?.firstChild as Text;
    expect(offsetsFromPoint(map, link, 0)).toBe(map.text.indexOf('city'));
    expect(offsetsFromPoint(map, link, 6)).toBe(map.text.indexOf('council'));
    const heading = root.querySelector('h2')?.firstChild as Text;
    expect(offsetsFromPoint(map, heading, 8)).toBe(map.text.indexOf('day'));
    expect(offsetsFromPoint(map, document.createTextNode('elsewhere'), 0)).toBeNull();
  });

  it('returns null for ranges outside the root or over nothing', () => {
    const root = mount(markup);
    const map = buildTextMap(root);
    const outside = document.createElement('p');
    outside.textContent = 'not in the article';
    document.body.append(outside);
    const range = document.createRange();
    range.selectNodeContents(outside);
    expect(offsetsFromRange(map, range)).toBeNull();
    expect(rangeFromOffsets(map, 5, 5)).toBeNull();
  });

  it('keeps offsets right on a long, deeply nested page', () => {
    const words = Array.from({ length: 10_000 }, (_, i) => `w${i}`);
    let markup = '';
    for (let p = 0; p < 100; p++) {
      const chunk = words.slice(p * 100, p * 100 + 100).join(' ');
      markup += `<section><div><div><div><p>${chunk.replace(/ w(\d*5) /g, ' <span><b><i>w$1</i></b></span> ')}</p></div></div></div></section>`;
    }
    const root = mount(markup);
    // happy-dom's first getComputedStyle pass costs seconds (Chromium has styles ready), so this measures
    // the walk and the offset bookkeeping only.
    const started = performance.now();
    const map = buildTextMap(root, { computedStyle: false });
    const elapsed = performance.now() - started;
    console.log(`[anchoring] buildTextMap (no computed styles) on 10,000 words, ${root.querySelectorAll('*').length} elements: ${elapsed.toFixed(1)} ms`);
    expect(map.text.split(/\s+/)).toHaveLength(10_000);
    const start = map.text.indexOf('w7345');
    const range = rangeFromOffsets(map, start, start + 'w7345 w7346'.length);
    expect(range?.toString()).toBe('w7345 w7346');
    expect(offsetsFromRange(map, range as Range)).toEqual({ start, end: start + 11 });
  });
});
