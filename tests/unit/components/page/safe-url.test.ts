import { describe, expect, it } from 'vitest';
import { checkEvidenceUrl, isHttpUrl } from '../../../../components/page/safe-url';

describe('isHttpUrl', () => {
  it('accepts only http and https', () => {
    expect(isHttpUrl('https://www.ons.gov.uk/employment')).toBe(true);
    expect(isHttpUrl('http://example.org')).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      'JavaScript:alert(1)',
      ' javascript:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'chrome://settings',
      '//evil.example',
      'not a url',
      '',
    ]) {
      expect(isHttpUrl(bad), bad).toBe(false);
    }
  });
});

describe('checkEvidenceUrl', () => {
  it('keeps a normal link', () => {
    expect(checkEvidenceUrl('  https://www.ons.gov.uk/x?y=1  ')).toEqual({ ok: true, url: 'https://www.ons.gov.uk/x?y=1' });
  });

  it('reads a bare host as https', () => {
    expect(checkEvidenceUrl('ons.gov.uk/labour')).toEqual({ ok: true, url: 'https://ons.gov.uk/labour' });
  });

  it('refuses scripts and other schemes with a message', () => {
    for (const bad of ['javascript:alert(document.cookie)', 'java\tscript:alert(1)', 'data:text/html,hi', 'ftp://x.org/a']) {
      const result = checkEvidenceUrl(bad);
      expect(result.ok, bad).toBe(false);
      if (!result.ok) expect(result.error).toMatch(/http/);
    }
  });

  it('asks for a link when empty and refuses absurdly long input', () => {
    expect(checkEvidenceUrl('   ')).toEqual({ ok: false, error: 'Enter a link to the evidence.' });
    expect(checkEvidenceUrl('https://x.org/' + 'a'.repeat(3000)).ok).toBe(false);
  });
});
