import type { EntityMention, EntityType } from '../../../detect/types';

export interface LabelledEntity {
  text: string;
  type: EntityType;
  start?: number;
}

export interface LabelledParagraph {
  text: string;
  entities: LabelledEntity[];
}

export interface Score {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface Evaluation {
  overall: Score;
  byType: Record<EntityType, Score>;
  errors: string[];
}

const TYPES: EntityType[] = ['person', 'organization', 'place'];

function score(tp: number, fp: number, fn: number): Score {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * Gold spans with their offsets: an explicit start is checked, a missing one is the next occurrence
 * of the text after the previous gold entity (labels are listed in reading order).
 */
export function goldSpans(paragraph: LabelledParagraph): Array<{ start: number; end: number; type: EntityType; text: string }> {
  let cursor = 0;
  return paragraph.entities.map((e) => {
    const start = e.start ?? paragraph.text.indexOf(e.text, cursor);
    if (start < 0 || paragraph.text.slice(start, start + e.text.length) !== e.text) {
      throw new Error(`label "${e.text}" not found in: ${paragraph.text.slice(0, 60)}`);
    }
    cursor = start + e.text.length;
    return { start, end: start + e.text.length, type: e.type, text: e.text };
  });
}

/** Entity-level precision, recall and F1: a mention counts only when its span and type both match exactly. */
export function evaluate(paragraphs: LabelledParagraph[], detect: (text: string) => EntityMention[]): Evaluation {
  const counts = Object.fromEntries(TYPES.map((t) => [t, { tp: 0, fp: 0, fn: 0 }])) as Record<EntityType, { tp: number; fp: number; fn: number }>;
  const errors: string[] = [];
  for (const p of paragraphs) {
    const gold = goldSpans(p);
    const key = (m: { start: number; end: number; type: EntityType }) => `${m.start}:${m.end}:${m.type}`;
    const goldKeys = new Set(gold.map(key));
    const found = detect(p.text);
    const foundKeys = new Set(found.map(key));
    for (const m of found) {
      if (goldKeys.has(key(m))) counts[m.type].tp += 1;
      else {
        counts[m.type].fp += 1;
        errors.push(`FP ${m.type} "${m.text}"`);
      }
    }
    for (const g of gold) {
      if (!foundKeys.has(key(g))) {
        counts[g.type].fn += 1;
        errors.push(`FN ${g.type} "${g.text}"`);
      }
    }
  }
  const byType = Object.fromEntries(TYPES.map((t) => [t, score(counts[t].tp, counts[t].fp, counts[t].fn)])) as Record<EntityType, Score>;
  const total = TYPES.reduce((acc, t) => ({ tp: acc.tp + counts[t].tp, fp: acc.fp + counts[t].fp, fn: acc.fn + counts[t].fn }), { tp: 0, fp: 0, fn: 0 });
  return { overall: score(total.tp, total.fp, total.fn), byType, errors };
}

export function formatEvaluation(name: string, e: Evaluation): string {
  const row = (label: string, s: Score) =>
    `${label.padEnd(13)} P ${s.precision.toFixed(3)}  R ${s.recall.toFixed(3)}  F1 ${s.f1.toFixed(3)}  (tp ${s.tp}, fp ${s.fp}, fn ${s.fn})`;
  return [`${name}:`, row('overall', e.overall), ...TYPES.map((t) => row(t, e.byType[t]))].join('\n');
}
