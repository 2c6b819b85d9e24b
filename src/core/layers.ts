// The layers a person or household is in after a run, most protective first (002 三个救助圈层): declared once, read by
// compare (a person's layer) and the marginal rates (a household's).
import { SLOT } from './programs/index.js';

export const LAYERS = ['tekun', 'dibao', 'single_person', 'rigid_aid', 'gradual_exit', 'low_income', 'rigid_family', 'none'] as const;
export type Layer = (typeof LAYERS)[number];

/** Each layer's index in LAYERS, by name. */
export const LAYER = Object.fromEntries(LAYERS.map((l, i) => [l, i])) as Readonly<Record<Layer, number>>;

/** Each layer's program slot (the program it is named after), and -1 for none. */
export const LAYER_SLOT: readonly number[] = LAYERS.map((l) => (l === 'none' ? -1 : SLOT[l]));
