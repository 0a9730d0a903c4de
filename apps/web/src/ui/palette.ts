/**
 * Colours of the pieces in the 2D and 3D views. Mid-light tones, each with contrast of at
 * least 4.5:1 against the near-black label text drawn on them (WCAG AA), and distinct enough
 * side by side for the usual kit of up to a dozen pieces.
 */
export const PIECE_COLOURS = ['#f4a6a6', '#9fd3f5', '#b6e3a1', '#f7d58b', '#d3b8f2', '#8fe0d4', '#f5b98a', '#c9d1d9', '#f2b6da', '#d9e58f', '#a9bff5', '#e3c9a4'] as const;
export const LABEL_INK = '#111111';

export const pieceColour = (i: number): string => PIECE_COLOURS[i % PIECE_COLOURS.length]!;
