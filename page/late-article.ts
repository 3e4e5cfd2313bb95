// Some pages show their article without changing the DOM: an AMP page whose runtime failed to load keeps its body
// hidden until the boilerplate's 8-second CSS animation ends, so the text map first reads nothing and no mutation
// ever follows. While no article has been found, this looks again when an animation or transition ends and a few
// times as the page settles, and stops once one is found.

/**
 * When to look again for an article that was not there at first (ms after the first scan). AMP's boilerplate reveals
 * a page after 8 s when its runtime fails; the later checks cover slow single-page apps.
 */
export const LATE_ARTICLE_CHECKS_MS = [2_000, 9_000, 20_000];
/** Less article text than this (UTF-16 code units: a headline and a standfirst) means the body has not been shown yet. */
export const LATE_ARTICLE_MIN_CHARS = 500;

export interface LateArticleOptions {
  doc: Document;
  /** Whether an article with its body on screen has been found (the watch stops once it has). */
  found: () => boolean;
  /** Asks for a re-read of the page (the session debounces it like any page change). */
  recheck: () => void;
}

/** Whether a finding counts as an article on screen: an article, and more than a headline's worth of text. */
export function articleShown(isArticle: boolean | undefined, text: string | undefined): boolean {
  return !!isArticle && (text?.trim().length ?? 0) >= LATE_ARTICLE_MIN_CHARS;
}

export class LateArticleWatch {
  private timers: ReturnType<typeof setTimeout>[] = [];
  private stopListeners: () => void = () => undefined;

  constructor(private readonly options: LateArticleOptions) {}

  /** Starts watching while `waiting` (no article yet) and nothing is being watched; stops when not waiting. */
  update(waiting: boolean): void {
    if (!waiting) return this.stop();
    if (this.timers.length) return;
    const { doc } = this.options;
    const check = () => {
      if (this.options.found()) return this.stop();
      this.options.recheck();
    };
    this.timers = LATE_ARTICLE_CHECKS_MS.map((ms) => setTimeout(check, ms));
    doc.addEventListener('animationend', check, true);
    doc.addEventListener('transitionend', check, true);
    this.stopListeners = () => {
      doc.removeEventListener('animationend', check, true);
      doc.removeEventListener('transitionend', check, true);
    };
  }

  stop(): void {
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
    this.stopListeners();
    this.stopListeners = () => undefined;
  }
}
