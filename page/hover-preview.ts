/** How long the pointer rests on a name or claim before its card previews, and how long a preview outlives leaving it. */
export const HOVER_OPEN_MS = 450;
export const HOVER_CLOSE_MS = 350;

export interface HoverTarget {
  /** Identifies what is under the pointer; moving within the same thing changes nothing. */
  key: string;
  open(): void;
}

export interface HoverHost {
  /** A card is open as a hover preview (not by a click or the keyboard). */
  previewOpen(): boolean;
  /** Nothing forbids a preview now: no selection, no card the reader opened on purpose. */
  mayPreview(): boolean;
  closePreview(): void;
}

/**
 * Timing of hover previews: open after the pointer rests, close a little after it leaves — unless it went onto the
 * card itself (the UI reports that with hold), so the reader can reach the card's buttons.
 */
export class HoverPreview {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private key = '';
  private held = false;

  constructor(private readonly host: HoverHost) {}

  pointAt(target: HoverTarget | undefined): void {
    const key = target?.key ?? '';
    if (key === this.key) return;
    this.key = key;
    this.schedule(target);
  }

  /** The reader pressed a button (a drag to select): a preview would cover the selection toolbar. */
  cancel(): void {
    clearTimeout(this.timer);
    this.key = '';
  }

  hold(held: boolean): void {
    this.held = held;
    if (held) return;
    this.key = '';
    this.schedule(undefined);
  }

  dispose(): void {
    clearTimeout(this.timer);
  }

  private schedule(target: HoverTarget | undefined): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(
      () => {
        if (!target) {
          if (this.host.previewOpen() && !this.held) this.host.closePreview();
        } else if (this.host.mayPreview()) {
          target.open();
        }
      },
      target ? HOVER_OPEN_MS : HOVER_CLOSE_MS,
    );
  }
}
