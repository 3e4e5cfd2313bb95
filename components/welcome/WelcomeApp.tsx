import { COMMAND_SHORTCUTS, PAGE_SHORTCUTS } from '../shared/shortcuts';
import { ShortcutTable } from '../shared/ShortcutTable';

/** The first-run page: what NewsLens does, how to allow a site, privacy, shortcuts, and a sample to try it on. */
export function WelcomeApp({ sampleUrl }: { sampleUrl: string }) {
  return (
    <main class="welcome">
      <header class="welcome-head">
        <img src="/icon/128.png" width="64" height="64" alt="" />
        <h1>Welcome to NewsLens</h1>
      </header>

      <section aria-labelledby="what">
        <h2 id="what">What it does</h2>
        <ul>
          <li>On news articles, it marks the claims most worth checking and, quietly, the people, organisations and places.</li>
          <li>You highlight, write notes, tag and track claims with a verdict and evidence; they come back when you revisit.</li>
          <li>The side panel keeps your notes beside the article; everything exports to Markdown, CSV, citations and more.</li>
        </ul>
      </section>

      <section aria-labelledby="try">
        <h2 id="try">Try it on this sample</h2>
        <p>A short invented article, with NewsLens already running: select some words, or switch to Fact-check mode.</p>
        <a class="button primary" href={sampleUrl} target="_blank" rel="noopener" data-testid="welcome-sample">
          Open the sample article
        </a>
      </section>

      <section aria-labelledby="allow">
        <h2 id="allow">Allow it on a news site</h2>
        <ol>
          <li>Open an article on the site.</li>
          <li>Click the NewsLens button in the toolbar (pin it from the puzzle-piece menu to keep it in view).</li>
          <li>Choose “Always annotate on …” to let NewsLens read that site from now on, or “Annotate this page” for just this visit.</li>
        </ol>
        <p>You can take the permission back any time in Settings.</p>
      </section>

      <section aria-labelledby="privacy">
        <h2 id="privacy">Privacy</h2>
        <p>
          NewsLens reads only the sites you allow, and everything it finds or you write stays in your browser on this computer.
          It sends nothing anywhere: no account, no server, no tracking.
        </p>
      </section>

      <section aria-labelledby="keys">
        <h2 id="keys">Keyboard shortcuts</h2>
        <ShortcutTable
          className="shortcuts"
          caption="Anywhere in the browser (change them at chrome://extensions/shortcuts)"
          shortcuts={[...COMMAND_SHORTCUTS, ...PAGE_SHORTCUTS]}
        />
      </section>
    </main>
  );
}
