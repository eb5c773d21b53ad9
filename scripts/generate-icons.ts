import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { encodePng, type RgbaImage } from './png.js';

/** The accent colour of the app (manifest `accentColor` and the colour icon's background). */
export const ACCENT_COLOR = '#1F5FBF';

type Shape = (x: number, y: number) => boolean;

const SAMPLES = 4;

function roundedRect(x0: number, y0: number, x1: number, y1: number, r: number): Shape {
  return (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    const dx = Math.max(x0 + r - x, 0, x - (x1 - r));
    const dy = Math.max(y0 + r - y, 0, y - (y1 - r));
    return dx * dx + dy * dy <= r * r;
  };
}

function circle(cx: number, cy: number, r: number): Shape {
  return (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/**
 * The glyph in unit coordinates (0..1 across the icon): a page outline with three text lines and a
 * chat bubble at its lower right, drawn with strokes thick enough to survive 32×32.
 */
function glyph(): Shape {
  const pageOuter = roundedRect(0.18, 0.1, 0.72, 0.84, 0.07);
  const pageInner = roundedRect(0.265, 0.185, 0.635, 0.755, 0.02);
  const lines = [0.3, 0.43, 0.56].map((y) => roundedRect(0.33, y, 0.57, y + 0.065, 0.03));
  const bubble = circle(0.7, 0.7, 0.2);
  const bubbleGap = circle(0.7, 0.7, 0.27);
  const tail = (x: number, y: number): boolean =>
    x >= 0.74 && y >= 0.78 && y <= 0.92 && x <= 0.9 - (0.92 - y);
  const dots = [0.6, 0.7, 0.8].map((x) => circle(x, 0.7, 0.035));
  return (x, y) => {
    if (dots.some((dot) => dot(x, y))) return false;
    if (bubble(x, y) || tail(x, y)) return true;
    if (bubbleGap(x, y)) return false;
    return (pageOuter(x, y) && !pageInner(x, y)) || lines.some((line) => line(x, y));
  };
}

function coverage(shape: Shape, px: number, py: number, size: number, inset: number): number {
  let hits = 0;
  for (let sy = 0; sy < SAMPLES; sy++) {
    for (let sx = 0; sx < SAMPLES; sx++) {
      const u = ((px + (sx + 0.5) / SAMPLES) / size - inset) / (1 - 2 * inset);
      const v = ((py + (sy + 0.5) / SAMPLES) / size - inset) / (1 - 2 * inset);
      if (shape(u, v)) hits++;
    }
  }
  return hits / (SAMPLES * SAMPLES);
}

function hexToRgb(hex: string): [number, number, number] {
  const value = Number.parseInt(hex.slice(1), 16);
  return [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
}

/**
 * The 192×192 colour icon: an opaque accent-coloured square with the white glyph inside the central
 * safe area (Teams crops the corners itself).
 */
export function drawColorIcon(size = 192): RgbaImage {
  const [r, g, b] = hexToRgb(ACCENT_COLOR);
  const pixels = new Uint8Array(size * size * 4);
  const shape = glyph();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = coverage(shape, x, y, size, 0.2);
      const i = (y * size + x) * 4;
      pixels[i] = Math.round(r + (255 - r) * a);
      pixels[i + 1] = Math.round(g + (255 - g) * a);
      pixels[i + 2] = Math.round(b + (255 - b) * a);
      pixels[i + 3] = 255;
    }
  }
  return { width: size, height: size, pixels };
}

/** The 32×32 outline icon: pure white (#FFFFFF) glyph, every other pixel fully transparent. */
export function drawOutlineIcon(size = 32): RgbaImage {
  const pixels = new Uint8Array(size * size * 4);
  const shape = glyph();
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = (y * size + x) * 4;
      pixels.set([255, 255, 255, Math.round(255 * coverage(shape, x, y, size, 0.02))], i);
    }
  }
  return { width: size, height: size, pixels };
}

/** Writes `color.png` and `outline.png` into `dir` (default `appPackage/`); returns their paths. */
export function writeIcons(dir: string): { color: string; outline: string } {
  const color = join(dir, 'color.png');
  const outline = join(dir, 'outline.png');
  writeFileSync(color, encodePng(drawColorIcon()));
  writeFileSync(outline, encodePng(drawOutlineIcon()));
  return { color, outline };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const written = writeIcons(join(import.meta.dirname, '..', 'appPackage'));
  process.stdout.write(`Wrote ${written.color} and ${written.outline}\n`);
}
