// Publication dates arrive as whatever the page declared: "2025-03-05", "2025-03-05T08:00:00+01:00", "2025-03",
// or occasionally prose. The calendar date printed by the publisher is what a citation wants, so an ISO date's
// own Y-M-D is kept as written instead of being shifted into the reader's time zone.

export type DateParts = [number] | [number, number] | [number, number, number];

export function dateParts(value: string | undefined): DateParts | undefined {
  if (!value) return undefined;
  const iso = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ]|$)/.exec(value.trim());
  if (iso) {
    const year = Number(iso[1]);
    if (iso[2] === undefined) return [year];
    const month = Number(iso[2]);
    if (month < 1 || month > 12) return undefined;
    if (iso[3] === undefined) return [year, month];
    const day = Number(iso[3]);
    return day >= 1 && day <= 31 ? [year, month, day] : undefined;
  }
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  // Prose without a zone parses as local time, so local fields give back the written day; with a zone, UTC ones do.
  const date = new Date(time);
  if (/\b(?:UTC|GMT|Z)\b|[+-]\d{2}:?\d{2}\s*$/i.test(value)) return [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
  return [date.getFullYear(), date.getMonth() + 1, date.getDate()];
}

export function isoDate(parts: DateParts): string {
  return parts.map((part, index) => String(part).padStart(index === 0 ? 4 : 2, '0')).join('-');
}

/** "2025-03-05" for a full date, shorter for partial dates; undefined when the value is not a date. */
export function isoDateOf(value: string | undefined): string | undefined {
  const parts = dateParts(value);
  return parts ? isoDate(parts) : undefined;
}
