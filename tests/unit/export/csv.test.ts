import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../export/csv';
import { readExportFixture } from './read-fixture';
import { allAnnotations, allArticles, budgetArticle, quoteHighlight } from '../../fixtures/export/sample-data';

const expectedCsv = readExportFixture('expected.csv');

/** A small RFC 4180 reader, so the test checks that the output parses back to the original values. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      row.push(cell);
      cell = '';
    } else if (char === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += char;
  }
  return rows;
}

describe('toCsv', () => {
  const bundle = { articles: allArticles, annotations: allAnnotations, exportedAt: '2025-03-08T00:00:00.000Z' };

  it('matches the hand-written Readwise CSV', () => {
    expect(toCsv(bundle)).toBe(expectedCsv);
  });

  it('parses back to the original quote and note, commas, quotes and newlines included', () => {
    const rows = parseCsv(toCsv(bundle));
    expect(rows[0]).toEqual(['Highlight', 'Title', 'Author', 'URL', 'Note', 'Tags', 'Location', 'Date']);
    expect(rows).toHaveLength(6);
    expect(rows[1]?.[0]).toBe(quoteHighlight.target.quote.exact);
    expect(rows[1]?.[4]).toBe(quoteHighlight.note);
    expect(rows.every((row) => row.length === 8)).toBe(true);
  });

  it('skips deleted annotations and annotations of deleted articles', () => {
    const csv = toCsv({ ...bundle, articles: [{ ...budgetArticle, deletedAt: '2025-03-07T00:00:00.000Z' }] });
    expect(csv).toBe('Highlight,Title,Author,URL,Note,Tags,Location,Date\r\n');
    expect(toCsv(bundle)).not.toContain('Officials met on Tuesday');
  });
});

describe('csvCell', () => {
  it.each([
    ['=1+1', "'=1+1"],
    ['+44 20', "'+44 20"],
    ['-3', "'-3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['a = b', 'a = b'],
    ['', ''],
  ])('guards %j as %j', (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});
