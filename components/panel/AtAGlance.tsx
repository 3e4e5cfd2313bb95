import type { PanelSnapshot } from '../../storage/api';
import { mapMarks, speakerCounts } from './glance';

const BAND_WORDS = { high: 'highly check-worthy', medium: 'check-worthy', low: 'possibly check-worthy' } as const;
/** Beyond this many speakers the chart stops being a glance; the rest are counted in one line. */
const MAX_SPEAKERS = 6;

interface AtAGlanceProps {
  snapshot: PanelSnapshot;
  notes: readonly { id: string; quote: string }[];
  onShowClaim(index: number): void;
  onShowNote(id: string): void;
}

/** Who is quoted how often (a bar per speaker) and a thin map of the article with its claims and notes (click to jump). */
export function AtAGlance({ snapshot, notes, onShowClaim, onShowNote }: AtAGlanceProps) {
  const speakers = speakerCounts(snapshot.claims);
  const shown = speakers.slice(0, MAX_SPEAKERS);
  const most = Math.max(1, ...shown.map((s) => s.claims));
  const marks = mapMarks(snapshot, notes);
  return (
    <section class="glance" aria-labelledby="glance-title">
      <h2 id="glance-title" class="visually-hidden">
        The article at a glance
      </h2>
      {shown.length > 0 ? (
        <ul class="speakers" aria-label="Who makes the claims" data-testid="panel-speakers">
          {shown.map((s) => (
            <li key={s.speaker}>
              <span class="speaker-name">{s.speaker}</span>
              <span class="bar" style={{ width: `${(s.claims / most) * 100}%` }} aria-hidden="true" />
              <span class="speaker-count">
                {s.claims}
                <span class="visually-hidden"> {s.claims === 1 ? 'claim' : 'claims'}</span>
              </span>
            </li>
          ))}
          {speakers.length > shown.length && <li class="more">and {speakers.length - shown.length} more</li>}
        </ul>
      ) : (
        <p class="hint">No quoted speakers found.</p>
      )}
      <div class="article-map" role="group" aria-label="Where claims and notes are in the article" data-testid="panel-map">
        <span class="map-line" aria-hidden="true" />
        {marks.map((mark) =>
          mark.kind === 'claim' ? (
            <button
              key={`c${mark.index}`}
              type="button"
              class={`mark claim band-${mark.band}`}
              style={{ left: `${mark.at * 100}%` }}
              aria-label={`Claim, ${BAND_WORDS[mark.band]}, ${Math.round(mark.at * 100)}% into the article: ${mark.label.slice(0, 80)}`}
              title={mark.label}
              onClick={() => onShowClaim(mark.index)}
            />
          ) : (
            <button
              key={`n${mark.id}`}
              type="button"
              class="mark note"
              style={{ left: `${mark.at * 100}%` }}
              aria-label={`Your note, ${Math.round(mark.at * 100)}% into the article: ${mark.label.slice(0, 80)}`}
              title={mark.label}
              onClick={() => onShowNote(mark.id)}
            />
          ),
        )}
      </div>
      <p class="map-legend" aria-hidden="true">
        <span class="key claim" /> claims <span class="key note" /> your notes
      </p>
    </section>
  );
}
