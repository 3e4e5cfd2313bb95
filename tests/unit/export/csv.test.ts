import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv, toCsvInSlices } from '../../../export/csv';
import { allAnnotations, allArticles, budgetArticle, quoteHighlight } from '../../fixtures/export/sample-data';
import { bundleSource } from '../../../export/source';

const bundle = { articles: allArticles, annotations: allAnnotations, exportedAt: '2025-03-08T00:00:00.000Z' };

/** Read as Readwise and spreadsheet importers read it: csv-parse, RFC 4180, BOM recognised. */
function readCsv(text: string): string[][] {
  return parse(text, { bom: true, relax_column_count: false });
}

const TITLE = 'Council approves “new” budget: what it means';
const BUDGET = [TITLE, 'Jane Doe, Rick Allan Roe', 'https://news.example.com/2025/03/05/budget'];
const MIR = ['Москва и 東京: новый план 😀', 'Иван Петров, Jan van der Berg, Martin Luther King Jr.', 'https://mir.example.ru/2024/12/01/plan'];

describe('toCsv (Readwise)', () => {
  it('starts with a UTF-8 BOM and ends rows with CRLF', () => {
    const csv = toCsv(bundle);
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.startsWith('\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n')).toBe(true);
    expect(new TextEncoder().encode(csv).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
  });

  it('has exactly the columns Readwise documents, tags as inline .tags in the note, Location in reading order', () => {
    expect(readCsv(toCsv(bundle))).toEqual([
      ['Highlight', 'Title', 'Author', 'URL', 'Note', 'Location', 'Date'],
      ['"costs > 5%\n#1 priority"', ...BUDGET, '.budget .needs-source\nCheck this figure,\nthen ask the "council".', '1', '2025-03-06 09:05:00'],
      [
        'Unemployment fell to 3.9% in the last quarter',
        ...BUDGET,
        '.economy\nFigure differs from the official release.\nClaim status: false; verdict: Mostly false (2/5); claimant: Jane Minister',
        '2',
        '2025-03-06 09:10:00',
      ],
      ["'=SUM(A1)", ...BUDGET, '.mention\n+1 agree', '3', '2025-03-06 09:20:00'],
      ['東京 𝒳', ...MIR, '', '1', '2025-03-06 09:00:00'],
      ['Цены выросли на 5%', ...MIR, '.цены\nClaim status: not started', '2', '2025-03-06 09:00:00'],
    ]);
    expect(readCsv(toCsv(bundle))[1]?.[0]).toBe(quoteHighlight.target.quote.exact);
  });

  it('skips deleted annotations and annotations of deleted articles', () => {
    const csv = toCsv({ ...bundle, articles: [{ ...budgetArticle, deletedAt: '2025-03-07T00:00:00.000Z' }] });
    expect(csv).toBe('\uFEFFHighlight,Title,Author,URL,Note,Location,Date\r\n');
    expect(toCsv(bundle)).not.toContain('Officials met on Tuesday');
  });

  it('gives the same file when built in slices', async () => {
    expect(await (await toCsvInSlices(bundleSource(bundle), { budgetMs: 0 })).text()).toBe(toCsv(bundle));
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

  // Spreadsheets skip leading whitespace before reading a formula; each of these reached Excel as a live formula.
  it.each([' =cmd|x', '\u00a0=1+1', '\u2003+1', '\n=1', '\r\n@SUM(A1)', '\t -2', '\u200b=1', '\uff1d1+1'])('guards %j behind leading whitespace', (input) => {
    const [[cell]] = readCsv(csvCell(input)) as [[string]];
    expect(cell.startsWith("'")).toBe(true);
    expect(cell.slice(1)).toBe(input);
  });
});
