import { describe, expect, it } from 'vitest';
import { isSiteEnabled, siteKey } from '../../../storage/site-key';
import { DEFAULT_SETTINGS } from '../../../storage/types';

describe('siteKey', () => {
  it('drops a leading www. only, and lower-cases', () => {
    expect(siteKey('www.Example.com')).toBe('example.com');
    expect(siteKey('news.example.com')).toBe('news.example.com');
    expect(siteKey('wwwexample.com')).toBe('wwwexample.com');
  });

  it('switches a site off for every host spelling of it', () => {
    const settings = { ...DEFAULT_SETTINGS, disabledSites: ['example.com'] };
    expect(isSiteEnabled(settings, 'www.example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'example.com')).toBe(false);
    expect(isSiteEnabled(settings, 'news.example.com')).toBe(true);
  });
});
