import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '../../../../components/popup/OptionsApp';
import { siteFromInput } from '../../../../components/popup/SettingsPanel';
import { getSettings, saveSiteDisplayMode } from '../../../../storage/settings';
import { fakeServices } from '../../../support/popup-services';

afterEach(cleanup);

describe('Settings', () => {
  it('saves detection switches, hidden kinds, default colour and sites where annotation is off', async () => {
    const fake = fakeServices();
    render(<OptionsApp services={fake.services} />);
    fireEvent.click(await screen.findByLabelText('Check-worthy claims'));
    fireEvent.click(screen.getByLabelText('Places'));
    fireEvent.click(screen.getByLabelText('green'));
    fireEvent.input(screen.getByLabelText('Turn off on'), { target: { value: 'https://www.Wire.example.org/x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(async () => expect((await getSettings(fake.db)).disabledSites).toEqual(['wire.example.org']));
    const saved = await getSettings(fake.db);
    expect(saved).toMatchObject({ detectClaims: false, detectEntities: true, hiddenKinds: ['place'], defaultColor: 'green' });

    fireEvent.click(await screen.findByRole('button', { name: 'Turn automatic annotation back on for wire.example.org' }));
    await waitFor(async () => expect((await getSettings(fake.db)).disabledSites).toEqual([]));
  });

  it('lists granted sites with a remove button, and shows whether storage is persistent', async () => {
    const fake = fakeServices({ granted: ['https://news.example.com/*', 'https://wire.example.org/*'] });
    render(<OptionsApp services={fake.services} />);
    expect(await screen.findByText(/persistent storage/)).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Remove permission for https://news.example.com/*' }));
    await waitFor(() => expect(screen.queryByText('https://news.example.com/*')).toBeNull());
    expect(fake.services.permissions.remove).toHaveBeenCalledWith('https://news.example.com/*');
    expect(screen.getByText('https://wire.example.org/*')).toBeTruthy();
    expect(screen.getByText(/chrome:\/\/extensions\/shortcuts/)).toBeTruthy();
  });

  it('chooses the display mode for every site and returns a site with its own mode to the default', async () => {
    const fake = fakeServices();
    await saveSiteDisplayMode(fake.db, 'www.wire.example.org', 'study');
    render(<OptionsApp services={fake.services} />);
    fireEvent.click(await screen.findByLabelText(/^Fact-check:/));
    await waitFor(async () => expect((await getSettings(fake.db)).displayMode).toBe('fact-check'));
    expect(screen.getByText('wire.example.org: Study')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use default mode on wire.example.org' }));
    await waitFor(async () => expect((await getSettings(fake.db)).siteDisplayModes).toEqual({}));
  });

  it('reads a site from what the reader types', () => {
    expect(siteFromInput(' WWW.News.Example.com ')).toBe('news.example.com');
    expect(siteFromInput('http://news.example.com:8080/path')).toBe('news.example.com');
    expect(siteFromInput('   ')).toBeNull();
    expect(siteFromInput('not a site!')).toBeNull();
  });
});
