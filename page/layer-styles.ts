import type { LayerStyle } from '../anchoring/paint';
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

/** A claim is painted in the layer of its band (`Claim.band`, from `detect/claim-bands.ts`: one definition everywhere). */
export type ClaimLayer = `claim-${ClaimBand}`;

// Claims are underlined, never filled, with a stronger line the more check-worthy they are.
export const CLAIM_LAYERS: Record<ClaimLayer, LayerStyle> = {
  'claim-high': { css: 'text-decoration: underline wavy rgb(188, 76, 0) 2px;', priority: 0 },
  'claim-medium': { css: 'text-decoration: underline wavy rgba(188, 76, 0, 0.75) 1.5px;', priority: 0 },
  'claim-low': { css: 'text-decoration: underline dashed rgba(188, 76, 0, 0.55) 1px;', priority: 0 },
};

const HIGHLIGHT_FILLS: Record<HighlightColor, string> = {
  yellow: 'rgba(255, 214, 0, 0.45)',
  green: 'rgba(80, 200, 120, 0.40)',
  blue: 'rgba(90, 160, 255, 0.40)',
  pink: 'rgba(255, 110, 170, 0.38)',
  purple: 'rgba(170, 120, 255, 0.38)',
};

export type ReaderLayer = `hl-${HighlightColor}`;

const READER_LAYERS = Object.fromEntries(
  HIGHLIGHT_COLORS.map((color) => [`hl-${color}`, { css: `background-color: ${HIGHLIGHT_FILLS[color]};`, priority: 5 }]),
) as Record<ReaderLayer, LayerStyle>;

const FLASH_LAYER: Record<'flash', LayerStyle> = {
  flash: { css: 'background-color: rgba(255, 140, 0, 0.55); color: black;', priority: 10 },
};

export const ALL_LAYERS: Record<string, LayerStyle> = { ...ENTITY_LAYERS, ...CLAIM_LAYERS, ...READER_LAYERS, ...FLASH_LAYER };
