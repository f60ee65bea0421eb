import { describe, expect, it } from 'vitest';
import { DARK_LUMINANCE, composite, isDarkColor, parseColor, relativeLuminance } from '../../lib/page/card/page-theme';

describe('parseColor', () => {
  it('reads computed colours in comma and space syntax', () => {
    expect(parseColor('rgb(255, 255, 255)')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseColor('rgba(18, 18, 18, 0.5)')).toEqual({ r: 18, g: 18, b: 18, a: 0.5 });
    expect(parseColor('rgb(18 52 86 / 25%)')).toEqual({ r: 18, g: 52, b: 86, a: 0.25 });
    expect(parseColor('color(srgb 1 0.5 0 / 0.5)')).toEqual({ r: 255, g: 127.5, b: 0, a: 0.5 });
  });

  it('reads hex and transparent', () => {
    expect(parseColor('#fff')).toEqual({ r: 255, g: 255, b: 255, a: 1 });
    expect(parseColor('#11223380')?.a).toBeCloseTo(0.5, 2);
    expect(parseColor('transparent')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
  });

  it('leaves colours it cannot read unread', () => {
    expect(parseColor('oklch(0.2 0.02 250)')).toBeUndefined();
    expect(parseColor('color(display-p3 0 0 0)')).toBeUndefined();
    expect(parseColor('rgb(nope)')).toBeUndefined();
    expect(parseColor('')).toBeUndefined();
  });
});

describe('dark backgrounds', () => {
  it('calls dark what white text reads better on', () => {
    const dark = ['rgb(0, 0, 0)', 'rgb(18, 18, 18)', 'rgb(30, 34, 40)', 'rgb(13, 17, 23)', 'rgb(90, 90, 90)', 'rgb(0, 0, 128)'];
    const light = ['rgb(255, 255, 255)', 'rgb(251, 248, 242)', 'rgb(200, 200, 200)', 'rgb(255, 255, 0)', 'rgb(140, 140, 140)'];
    for (const color of dark) expect(isDarkColor(parseColor(color)!), color).toBe(true);
    for (const color of light) expect(isDarkColor(parseColor(color)!), color).toBe(false);
  });

  it('measures luminance as WCAG does', () => {
    expect(relativeLuminance({ r: 0, g: 0, b: 0, a: 1 })).toBe(0);
    expect(relativeLuminance({ r: 255, g: 255, b: 255, a: 1 })).toBeCloseTo(1, 5);
    // The line where white and black text contrast equally lies between these two greys.
    expect(relativeLuminance(parseColor('#707070')!)).toBeLessThan(DARK_LUMINANCE);
    expect(relativeLuminance(parseColor('#7a7a7a')!)).toBeGreaterThan(DARK_LUMINANCE);
  });

  it('paints translucent layers over what lies beneath', () => {
    const white = { r: 255, g: 255, b: 255, a: 1 };
    const black = { r: 0, g: 0, b: 0, a: 1 };
    // A faint dark wash on a white page is still a light page; a faint light wash on a dark one, dark.
    expect(isDarkColor(composite([{ r: 0, g: 0, b: 0, a: 0.05 }], white))).toBe(false);
    expect(isDarkColor(composite([{ r: 255, g: 255, b: 255, a: 0.05 }], black))).toBe(true);
    // Innermost first: the top layer wins.
    expect(composite([{ r: 0, g: 0, b: 0, a: 1 }, { r: 255, g: 255, b: 255, a: 1 }], white)).toEqual(black);
    expect(composite([{ r: 255, g: 0, b: 0, a: 0.5 }], black)).toEqual({ r: 127.5, g: 0, b: 0, a: 1 });
  });
});
