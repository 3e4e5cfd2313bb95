// A deliberately small Markdown subset for reader notes: paragraphs, bullet and numbered lists, **bold**, *italic*,
// `code` and http(s) links. It builds Preact elements from a parsed tree, so text is always text: raw HTML in a note
// shows as the characters the reader typed, and a `javascript:` link is never a link.
import type { ComponentChildren } from 'preact';

export type Inline =
  | { type: 'text'; text: string }
  | { type: 'code'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'link'; href: string; children: Inline[] };

export type Block =
  | { type: 'paragraph'; lines: Inline[][] }
  | { type: 'list'; ordered: boolean; items: Inline[][] };

/** Only absolute http(s) URLs may become links; anything else (javascript:, data:, relative) stays text. */
export function safeHttpUrl(raw: string): string | null {
  try {
    const url = new URL(raw);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

const LINK = /^\[([^\]\n]+)\]\(([^)\s]+)\)/;
const BARE_URL = /^https?:\/\/[^\s<>"]+/;

function pushText(out: Inline[], text: string): void {
  const last = out[out.length - 1];
  if (last?.type === 'text') last.text += text;
  else out.push({ type: 'text', text });
}

export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const char = source[i];
    if (char === '`') {
      const close = source.indexOf('`', i + 1);
      if (close > i + 1) {
        out.push({ type: 'code', text: source.slice(i + 1, close) });
        i = close + 1;
        continue;
      }
    }
    if (rest.startsWith('**')) {
      const close = source.indexOf('**', i + 2);
      if (close > i + 2) {
        out.push({ type: 'strong', children: parseInline(source.slice(i + 2, close)) });
        i = close + 2;
        continue;
      }
    }
    if (char === '*' && source[i + 1] !== ' ') {
      const close = source.indexOf('*', i + 1);
      if (close > i + 1 && source[close - 1] !== ' ') {
        out.push({ type: 'em', children: parseInline(source.slice(i + 1, close)) });
        i = close + 1;
        continue;
      }
    }
    if (char === '[') {
      const match = LINK.exec(rest);
      const href = match ? safeHttpUrl(match[2] ?? '') : null;
      if (match && href) {
        out.push({ type: 'link', href, children: parseInline(match[1] ?? '') });
        i += match[0].length;
        continue;
      }
    }
    if (char === 'h' && (i === 0 || /\W/.test(source[i - 1] ?? ''))) {
      const match = BARE_URL.exec(rest);
      // Sentence punctuation after a pasted URL belongs to the sentence, not the URL.
      const raw = match?.[0].replace(/[.,;:!?)\]]+$/, '');
      const href = raw ? safeHttpUrl(raw) : null;
      if (raw && href) {
        out.push({ type: 'link', href, children: [{ type: 'text', text: raw }] });
        i += raw.length;
        continue;
      }
    }
    pushText(out, char ?? '');
    i++;
  }
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,9}[.)]\s+(.*)$/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: Inline[][] | null = null;
  let list: Extract<Block, { type: 'list' }> | null = null;
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    const item = bullet ?? numbered;
    if (item) {
      const ordered = numbered !== null;
      paragraph = null;
      if (!list || list.ordered !== ordered) {
        list = { type: 'list', ordered, items: [] };
        blocks.push(list);
      }
      list.items.push(parseInline(item[1] ?? ''));
    } else if (!line.trim()) {
      paragraph = null;
      list = null;
    } else {
      list = null;
      if (!paragraph) {
        paragraph = [];
        blocks.push({ type: 'paragraph', lines: paragraph });
      }
      paragraph.push(parseInline(line));
    }
  }
  return blocks;
}

function renderInline(nodes: Inline[]): ComponentChildren[] {
  return nodes.map((node, i) => {
    switch (node.type) {
      case 'text':
        return node.text;
      case 'code':
        return <code key={i}>{node.text}</code>;
      case 'strong':
        return <strong key={i}>{renderInline(node.children)}</strong>;
      case 'em':
        return <em key={i}>{renderInline(node.children)}</em>;
      case 'link':
        return (
          <a key={i} href={node.href} target="_blank" rel="noopener noreferrer">
            {renderInline(node.children)}
          </a>
        );
    }
  });
}

/** A single line break inside a paragraph is kept: readers type notes line by line and expect to see them so. */
function renderLines(lines: Inline[][]): ComponentChildren[] {
  return lines.flatMap((line, i) => (i === 0 ? renderInline(line) : [<br key={`br${i}`} />, ...renderInline(line)]));
}

export function Markdown({ text, class: className }: { text: string; class?: string }) {
  return (
    <div class={className ?? 'markdown'}>
      {parseMarkdown(text).map((block, i) => {
        if (block.type === 'paragraph') return <p key={i}>{renderLines(block.lines)}</p>;
        const items = block.items.map((item, j) => <li key={j}>{renderInline(item)}</li>);
        return block.ordered ? <ol key={i}>{items}</ol> : <ul key={i}>{items}</ul>;
      })}
    </div>
  );
}
