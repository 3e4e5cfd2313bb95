import type { LayerStyle } from '../anchoring/paint';
import type { OverlayLayerStyle } from '../anchoring/overlay-paint';
import type { ClaimBand } from '../detect/claim-bands';
import type { EntityType } from '../detect/types';
import { HIGHLIGHT_COLORS, type HighlightColor } from '../storage/types';

// Fills are translucent so the page's own text colour stays (contrast holds on light and dark pages), and each
// kind has its own underline style so the kinds differ without relying on colour.
export const ENTITY_LAYERS: Record<EntityType, LayerStyle> = {
  person: { css: 'background-color: rgba(56, 132, 255, 0.18); text-decoration: underline solid rgb(31, 111, 235) 2px;', priority: 1 },
  organization: { css: 'background-color: rgba(150, 95, 230, 0.18); text-decoration: underline double rgb(130, 80, 223) 1px;', priority: 1 },
  place: { css: 'background-color: rgba(40, 170, 80, 0.18); text-decoration: underline dotted rgb(26, 127, 55) 2px;', priority: 1 },
};

// Read mode's entities: one faint line under the name, no fill, so the text reads as the page set it; the line style
// still tells the kinds apart. Hovering or clicking opens the same cards as in Fact-check mode.
export const ENTITY_QUIET_LAYERS: Record<`${EntityType}-quiet`, LayerStyle> = {
  'person-quiet': { css: 'text-decoration: underline solid rgba(31, 111, 235, 0.45) 1px;', priority: 1 },
  'organization-quiet': { css: 'text-decoration: underline double rgba(130, 80, 223, 0.45) 1px;', priority: 1 },
  'place-quiet': { css: 'text-decoration: underline dotted rgba(26, 127, 55, 0.55) 1px;', priority: 1 },
};

// Claims get a straight slate-teal line (never the wavy red or orange a spell-checker uses) and a faint wash, stronger
// the more check-worthy they are. Bands come from detect/claim-bands.ts, the one definition every surface uses.
/** A claim is painted in the layer of its band (`Claim.band`, from `detect/claim-bands.ts`: one definition everywhere). */
export type ClaimLayer = `claim-${ClaimBand}`;

export const CLAIM_LAYERS: Record<ClaimLayer, LayerStyle> = {
  'claim-high': { css: 'background-color: rgba(0, 128, 128, 0.10); text-decoration: underline solid rgb(0, 110, 115) 2px;', priority: 0 },
  'claim-medium': { css: 'background-color: rgba(0, 128, 128, 0.06); text-decoration: underline solid rgba(0, 110, 115, 0.7) 1px;', priority: 0 },
  'claim-low': { css: 'text-decoration: underline dashed rgba(0, 110, 115, 0.55) 1px;', priority: 0 },
};

const HIGHLIGHT_FILLS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.40)',
  blue: 'rgba(90, 160, 255, 0.40)',
  pink: 'rgba(255, 110, 170, 0.38)',
  purple: 'rgba(170, 120, 255, 0.38)',
};

// The reader's own highlights, and the flash that shows where a note is, are private: painted in our closed shadow
// root (anchoring/overlay-paint.ts), never in the page-visible CSS.highlights registry. Detections are not private:
// the page could compute them itself from its own text.
export type ReaderLayer = `hl-${HighlightColor}`;

export const READER_LAYERS = Object.fromEntries(
  HIGHLIGHT_COLORS.map((color) => [`hl-${color}`, { fill: HIGHLIGHT_FILLS[color], priority: 5 }]),
) as Record<ReaderLayer, OverlayLayerStyle>;

export const FLASH_LAYER: Record<'flash', OverlayLayerStyle> = {
  flash: { fill: 'rgba(255, 140, 0, 0.55)', priority: 10 },
};

export const PUBLIC_LAYERS: Record<string, LayerStyle> = { ...ENTITY_LAYERS, ...ENTITY_QUIET_LAYERS, ...CLAIM_LAYERS };
export const PRIVATE_LAYERS: Record<string, OverlayLayerStyle> = { ...READER_LAYERS, ...FLASH_LAYER };
