import { describe, expect, it } from 'vitest';
import { originPattern, pickTargetTab } from '../../../../components/popup/target-tab';

describe('pickTargetTab', () => {
  const web = (id: number, lastAccessed: number, url = `https://news.example.com/${id}`) => ({ id, url, title: `T${id}`, lastAccessed });

  it('uses the active tab when it is a web page', () => {
    expect(pickTargetTab(web(1, 5), [web(2, 9)])).toEqual({ id: 1, url: 'https://news.example.com/1', title: 'T1' });
  });

  it('falls back to the most recently used http(s) tab when the popup itself is the active tab', () => {
    const popup = { id: 9, url: 'chrome-extension://abc/popup.html', lastAccessed: 100 };
    const tabs = [web(1, 10), popup, web(2, 30), { id: 3, url: 'chrome://settings', lastAccessed: 50 }, web(4, 20)];
    expect(pickTargetTab(popup, tabs)?.id).toBe(2);
  });

  it('returns null when no web page is open', () => {
    expect(pickTargetTab(undefined, [{ id: 1, url: 'about:blank' }, { url: 'https://no-id.example' }])).toBeNull();
  });
});

describe('originPattern', () => {
  it('builds a host permission pattern for http(s) pages only', () => {
    expect(originPattern('https://www.news.example.com:8443/a?b')).toBe('https://www.news.example.com:8443/*');
    expect(originPattern('chrome://extensions')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });
});
