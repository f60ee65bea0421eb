/**
 * Points and boxes in viewport coordinates (CSS px), shared by the card's placement, the safe corridor,
 * touch gestures and the card's host. Pure types.
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Box {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}
