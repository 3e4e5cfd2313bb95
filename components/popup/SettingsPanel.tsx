// Settings, shown in the popup's Settings tab and on the options page.
import { useEffect, useState } from 'preact/hooks';
import { checkReviewer, getSettings, saveSettings, saveSiteDisplayMode } from '../../storage/settings';
import { siteKey } from '../../storage/site-key';
import { HIGHLIGHT_COLORS, type Settings } from '../../storage/types';
import { MODE_ORDER, MODE_WORDS } from '../page/ModeSwitch';
import { useLiveQuery } from '../shared/use-live-query';
import { useFeedback } from './Feedback';
import { useServices } from './services';

const HIDEABLE: Array<{ kind: Settings['hiddenKinds'][number]; label: string }> = [
  { kind: 'person', label: 'People' },
  { kind: 'organization', label: 'Organisations' },
  { kind: 'place', label: 'Places' },
  { kind: 'claim', label: 'Claims' },
];

/** "https://www.Example.com/x" or "example.com" → "example.com", the form settings.disabledSites stores. */
export function siteFromInput(value: string): string | null {
  const trimmed = value.trim().toLowerCase();
  if (!trimmed) return null;
  try {
    const host = new URL(/^[a-z]+:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname;
    return siteKey(host) || null;
  } catch {
    return null;
  }
}

/** The fact-checking organisation named as author of exported ClaimReview markup. */
function ReviewerForm({ reviewer, save }: { reviewer: Settings['reviewer']; save: (patch: Partial<Settings>) => Promise<unknown> }) {
  const [name, setName] = useState(reviewer.name);
  const [url, setUrl] = useState(reviewer.url);
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const checked = checkReviewer({ name, url });
    if (!checked.ok) return setMessage({ text: checked.error, error: true });
    setName(checked.value.name);
    setUrl(checked.value.url);
    await save({ reviewer: checked.value });
    setMessage({ text: 'Saved.', error: false });
  };

  return (
    <form onSubmit={submit} class="reviewer-form">
      <p class="hint">Named as the author of exported ClaimReview (fact-check) markup, as search engines require.</p>
      <label for="reviewer-name">Organisation name</label>
      <input id="reviewer-name" type="text" placeholder="Example Fact Check" value={name} onInput={(e) => setName(e.currentTarget.value)} />
      <label for="reviewer-url">Organisation web site</label>
      <input id="reviewer-url" type="text" inputMode="url" placeholder="https://factcheck.example.org" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
      <button type="submit">Save organisation</button>
      <p class={message?.error ? 'error' : 'hint'} role={message?.error ? 'alert' : 'status'}>
        {message?.text}
      </p>
    </form>
  );
}

export function SettingsPanel() {
  const { db, permissions, storage } = useServices();
  const feedback = useFeedback();
  const settings = useLiveQuery(() => getSettings(db), [db]).value;
  const [origins, setOrigins] = useState<string[] | null>(null);
  const [persistent, setPersistent] = useState<boolean | null | undefined>(undefined);
  const [siteInput, setSiteInput] = useState('');
  const [siteError, setSiteError] = useState<string | null>(null);

  const loadOrigins = () => feedback.run(async () => setOrigins(await permissions.list()));
  useEffect(() => {
    void loadOrigins();
    void storage.persisted().then(setPersistent, () => setPersistent(null));
  }, [permissions, storage]);

  if (!settings) return <p class="hint">Loading settings…</p>;
  const save = (patch: Partial<Settings>) => feedback.run(() => saveSettings(db, patch));

  const addDisabledSite = (event: Event) => {
    event.preventDefault();
    const site = siteFromInput(siteInput);
    if (!site) return setSiteError('Type a site such as news.example.com.');
    setSiteError(null);
    setSiteInput('');
    if (!settings.disabledSites.includes(site)) void save({ disabledSites: [...settings.disabledSites, site] });
  };

  const removeOrigin = (origin: string) =>
    feedback.run(async () => {
      if (!(await permissions.remove(origin))) throw new Error(`The browser kept the permission for ${origin}.`);
      await loadOrigins();
    });

  return (
    <div class="settings">
      <fieldset>
        <legend>Detect on articles</legend>
        <label>
          <input type="checkbox" checked={settings.detectEntities} onChange={(e) => save({ detectEntities: e.currentTarget.checked })} />
          People, organisations and places
        </label>
        <label>
          <input type="checkbox" checked={settings.detectClaims} onChange={(e) => save({ detectClaims: e.currentTarget.checked })} />
          Check-worthy claims
        </label>
      </fieldset>

      <fieldset>
        <legend>What the page shows</legend>
        {MODE_ORDER.map((mode) => (
          <label key={mode}>
            <input type="radio" name="display-mode" checked={settings.displayMode === mode} onChange={() => save({ displayMode: mode })} />
            {MODE_WORDS[mode].label}: {MODE_WORDS[mode].hint.toLowerCase()}
          </label>
        ))}
        {Object.keys(settings.siteDisplayModes).length > 0 && (
          <>
            <p class="hint">Sites with a mode of their own (chosen on the page or in the side panel):</p>
            <ul class="site-list">
              {Object.entries(settings.siteDisplayModes).map(([site, mode]) => (
                <li key={site}>
                  <span>
                    {site}: {MODE_WORDS[mode].label}
                  </span>
                  <button
                    type="button"
                    onClick={() => feedback.run(() => saveSiteDisplayMode(db, site, null))}
                  >
                    Use default<span class="visually-hidden"> mode on {site}</span>
                  </button>
                </li>
              ))}
            </ul>
          </>
        )}
      </fieldset>

      <fieldset>
        <legend>Hide on the page</legend>
        {HIDEABLE.map(({ kind, label }) => (
          <label key={kind}>
            <input
              type="checkbox"
              checked={settings.hiddenKinds.includes(kind)}
              onChange={(e) =>
                save({
                  hiddenKinds: e.currentTarget.checked
                    ? [...settings.hiddenKinds, kind]
                    : settings.hiddenKinds.filter((k) => k !== kind),
                })
              }
            />
            {label}
          </label>
        ))}
      </fieldset>

      <fieldset class="colors">
        <legend>Default highlight colour</legend>
        {HIGHLIGHT_COLORS.map((color) => (
          <label key={color} class={`swatch-label color-${color}`}>
            <input type="radio" name="default-color" checked={settings.defaultColor === color} onChange={() => save({ defaultColor: color })} />
            <span>{color}</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>Sites where automatic annotation is off</legend>
        {settings.disabledSites.length === 0 && <p class="hint">None: NewsLens annotates every site you allowed.</p>}
        <ul class="site-list">
          {settings.disabledSites.map((site) => (
            <li key={site}>
              <span>{site}</span>
              <button
                type="button"
                onClick={() => save({ disabledSites: settings.disabledSites.filter((s) => s !== site) })}
                aria-label={`Turn automatic annotation back on for ${site}`}
              >
                Turn on
              </button>
            </li>
          ))}
        </ul>
        <form onSubmit={addDisabledSite} class="inline-form">
          <label for="disable-site">Turn off on</label>
          <input id="disable-site" type="text" placeholder="news.example.com" value={siteInput} onInput={(e) => setSiteInput(e.currentTarget.value)} />
          <button type="submit">Add</button>
        </form>
        {siteError && (
          <p class="error" role="alert">
            {siteError}
          </p>
        )}
      </fieldset>

      <fieldset>
        <legend>Sites NewsLens may read</legend>
        {origins === null ? (
          <p class="hint">Loading…</p>
        ) : origins.length === 0 ? (
          <p class="hint">None yet. Use “Always annotate on …” in the popup on a news site.</p>
        ) : (
          <ul class="site-list">
            {origins.map((origin) => (
              <li key={origin}>
                <span>{origin}</span>
                <button type="button" onClick={() => removeOrigin(origin)} aria-label={`Remove permission for ${origin}`}>
                  Remove
                </button>
              </li>
            ))}
          </ul>
        )}
      </fieldset>

      <fieldset>
        <legend>Fact-checking organisation</legend>
        <ReviewerForm reviewer={settings.reviewer} save={save} />
      </fieldset>

      <fieldset>
        <legend>Keyboard shortcuts</legend>
        <p class="hint">
          Browsers do not let an extension page open the shortcuts page. In Chrome or Edge, type chrome://extensions/shortcuts in
          the address bar; in Firefox, open about:addons, click the gear icon and choose “Manage Extension Shortcuts”.
        </p>
      </fieldset>

      <fieldset>
        <legend>Storage</legend>
        <p role="status">
          {persistent === undefined
            ? 'Checking storage…'
            : persistent
              ? 'Your notes are in persistent storage: the browser will not delete them to free space.'
              : persistent === false
                ? 'Storage is not persistent: under disk pressure the browser could delete your notes. Export a JSON backup now and then.'
                : 'This browser does not say whether storage is persistent. Export a JSON backup now and then.'}
        </p>
      </fieldset>
    </div>
  );
}
