import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import nlp from 'compromise';
import { describe, expect, it } from 'vitest';
import { findEntities } from '../../../detect/entities';
import type { EntityMention, EntityType } from '../../../detect/types';
import { evaluate, formatEvaluation, type LabelledParagraph } from './entities-evaluate';

// The detector was meant to go well beyond compromise's own people/organisations/places: this keeps
// the comparison honest on the paragraphs the rules were never tuned on.

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../../fixtures/labelled');
const heldout = JSON.parse(readFileSync(join(fixtures, 'entities-heldout.json'), 'utf8')) as LabelledParagraph[];

interface CompromiseMatch {
  text: string;
  offset: { start: number };
}

function compromiseEntities(text: string): EntityMention[] {
  const doc = nlp(text);
  const found: EntityMention[] = [];
  const add = (type: EntityType, matches: CompromiseMatch[]) => {
    for (const m of matches) {
      const name = m.text.replace(/['’]s$/, '').replace(/[\s.,;:!?"“”)]+$/, '');
      found.push({ start: m.offset.start, end: m.offset.start + name.length, text: name, type, entityId: `${type}:x` });
    }
  };
  add('person', doc.people().json({ offset: true }) as CompromiseMatch[]);
  add('organization', doc.organizations().json({ offset: true }) as CompromiseMatch[]);
  add('place', doc.places().json({ offset: true }) as CompromiseMatch[]);
  return found;
}

describe('entity detection against compromise alone', () => {
  it('beats the compromise baseline by a wide margin on the held-out paragraphs', () => {
    const baseline = evaluate(heldout, compromiseEntities);
    const ours = evaluate(heldout, findEntities);
    console.log(formatEvaluation('compromise alone, held-out', baseline));
    expect(ours.overall.f1).toBeGreaterThan(baseline.overall.f1 + 0.15);
  });
});
