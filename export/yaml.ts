// Just enough YAML for front matter. Every string is double-quoted with escapes, so titles such as
// `- Rates: "hold" or cut? #markets` (a list marker, a colon, quotes, a comment sign) stay plain strings.

export type YamlValue = string | number | { date: string } | string[];

export function yamlString(text: string): string {
  const escaped = text.replace(/[\\"\u0000-\u001f\u007f-\u009f\u2028\u2029\ufeff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, escapeChar);
  return `"${escaped}"`;
}

const NAMED_ESCAPES: Record<string, string> = { '\\': '\\\\', '"': '\\"', '\n': '\\n', '\t': '\\t', '\r': '\\r', '\0': '\\0' };

function escapeChar(char: string): string {
  const named = NAMED_ESCAPES[char];
  if (named) return named;
  const code = char.charCodeAt(0);
  // A lone surrogate cannot be written in YAML at all; the replacement character keeps the rest readable.
  if (code >= 0xd800 && code <= 0xdfff) return '\\uFFFD';
  return `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** `key: value` lines between --- fences. A `{ date }` value is written bare so note apps type it as a date. */
export function frontMatter(fields: Array<[string, YamlValue | undefined]>): string {
  const lines = ['---'];
  for (const [key, value] of fields) {
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length === 0) lines.push(`${key}: []`);
      else lines.push(`${key}:`, ...value.map((item) => `  - ${yamlString(item)}`));
    } else if (typeof value === 'string') {
      lines.push(`${key}: ${yamlString(value)}`);
    } else if (typeof value === 'object') {
      lines.push(`${key}: ${/^\d{4}-\d{2}-\d{2}$/.test(value.date) ? value.date : yamlString(value.date)}`);
    } else {
      lines.push(`${key}: ${String(value)}`);
    }
  }
  lines.push('---');
  return lines.join('\n');
}
