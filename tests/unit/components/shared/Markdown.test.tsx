import { render } from '@testing-library/preact';
import { describe, expect, it } from 'vitest';
import { Markdown, parseInline, parseMarkdown, safeHttpUrl } from '../../../../components/shared/Markdown';

function html(text: string): Element {
  return render(<Markdown text={text} />).container;
}

describe('Markdown renderer', () => {
  it('renders bold, italic, code, links, lists and paragraphs as elements', () => {
    const root = html('Intro **bold** and *soft* with `x < y`.\nsecond line\n\n- one\n- two [src](https://example.org/a?b=1)\n\n1. first\n2) second');
    expect(root.querySelector('strong')?.textContent).toBe('bold');
    expect(root.querySelector('em')?.textContent).toBe('soft');
    expect(root.querySelector('code')?.textContent).toBe('x < y');
    expect(root.querySelectorAll('p')).toHaveLength(1);
    expect(root.querySelector('p br')).not.toBeNull();
    expect([...root.querySelectorAll('ul > li')].map((li) => li.textContent)).toEqual(['one', 'two src']);
    expect([...root.querySelectorAll('ol > li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    const link = root.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/a?b=1');
    expect(link?.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('shows raw HTML as text and never creates elements from it', () => {
    const root = html('<img src=x onerror="alert(1)"> <script>alert(2)</script> <b>not bold</b>');
    expect(root.querySelector('img, script, b')).toBeNull();
    expect(root.textContent).toContain('<img src=x onerror="alert(1)">');
    expect(root.textContent).toContain('<script>alert(2)</script>');
  });

  it('never makes javascript:, data: or relative links', () => {
    const root = html('[click](javascript:alert(1)) [d](data:text/html,hi) [rel](/path) javascript:alert(3)');
    expect(root.querySelector('a')).toBeNull();
    expect(root.textContent).toContain('[click](javascript:alert(1))');
    expect(safeHttpUrl('JaVaScRiPt:alert(1)')).toBeNull();
    expect(safeHttpUrl('http://ok.example/')).toBe('http://ok.example/');
  });

  it('links bare URLs without swallowing the sentence punctuation', () => {
    const nodes = parseInline('See https://example.org/report.');
    expect(nodes).toEqual([
      { type: 'text', text: 'See ' },
      { type: 'link', href: 'https://example.org/report', children: [{ type: 'text', text: 'https://example.org/report' }] },
      { type: 'text', text: '.' },
    ]);
  });

  it('leaves unmatched markers and lone asterisks as text', () => {
    expect(parseInline('2 * 3 = 6 and **open')).toEqual([{ type: 'text', text: '2 * 3 = 6 and **open' }]);
    expect(parseMarkdown('')).toEqual([]);
  });
});
