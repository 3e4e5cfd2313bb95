import { describe, expect, it } from 'vitest';
import { NewsLensDb } from '../../../storage/db';
import { checkReviewer, getSettings, saveSettings } from '../../../storage/settings';

describe('reviewer organisation setting', () => {
  it('tidies a valid name and web address', () => {
    expect(checkReviewer({ name: '  Example   Fact Check ', url: ' https://factcheck.example.org ' })).toEqual({
      ok: true,
      value: { name: 'Example Fact Check', url: 'https://factcheck.example.org/' },
    });
    expect(checkReviewer({ name: 'Desk', url: '' })).toEqual({ ok: true, value: { name: 'Desk', url: '' } });
  });

  it.each([
    [{ name: 'Desk', url: 'javascript:alert(1)' }, /must start with https:\/\/ or http:\/\//],
    [{ name: 'Desk', url: 'factcheck.example.org' }, /full address/],
    [{ name: '', url: 'https://factcheck.example.org' }, /name as well/],
    [{ name: 'x'.repeat(201), url: '' }, /too long/],
  ])('refuses %j with a sentence for the reader', (input, message) => {
    const result = checkReviewer(input);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.error).toMatch(message);
  });

  it('defaults to no organisation and APA for readers who saved settings before these fields existed', async () => {
    const db = new NewsLensDb(`settings-${crypto.randomUUID()}`);
    await db.settings.put({ key: 'settings', value: { detectEntities: false } as never });
    const settings = await getSettings(db);
    expect(settings.reviewer).toEqual({ name: '', url: '' });
    expect(settings.citationStyle).toBe('apa');
    expect((await saveSettings(db, { citationStyle: 'chicago' })).citationStyle).toBe('chicago');
    db.close();
  });
});
