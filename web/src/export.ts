// Exports: the visible chain as CSV, and the tier view as PNG, drawn onto a canvas from the positions
// and computed styles of the cards on screen (no screenshot library, nothing leaves the browser), so
// that the image shows what the page shows: public (⚠) and disclosed (◆) badges, scores, risk bands.
import { curve, linkGeometry, type TierViewInput } from './tier-view.ts';
import { isolate } from './bidi.ts';
import { BANDS_IN_WORDS } from './risk.ts';
import { exportFilename } from '../../src/domain/export-filename.ts';

export function download(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * File names as the API's chain exports name theirs (src/domain/export-filename.ts): the root's id,
 * the product the view is filtered to, and the day the export shows (an As of day, or today).
 */
export const exportName = (
  parts: readonly string[],
  product: string,
  ext: string,
  day = new Date().toISOString().slice(0, 10),
): string => exportFilename(parts, product, day, ext);

/**
 * A CSV file for a spreadsheet. It starts with a byte order mark: without one, Excel on Windows reads
 * UTF-8 as the local code page, and "Region Stockholms läns" or "Sykehusinnkjøp" come out garbled.
 */
export const csvFile = (csv: string): Blob => new Blob(['\uFEFF', csv], { type: 'text/csv;charset=utf-8' });

/** The width of a card's risk-band edge (its inset box-shadow in styles.css). */
const BAND_EDGE = 6;
/** The height of the title and a one-line legend above the tiers. */
const HEADER = 58;
/** The legend's font and the height of each further line it wraps onto. */
const LEGEND_FONT = '12px system-ui, sans-serif';
const LEGEND_LINE = 16;

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Where an element is drawn, in the coordinates of the tier view's scrolled content. */
interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The text an element shows: without its `.visually-hidden` words, which only screen readers get. */
export function shownText(el: Element): string {
  return [...el.childNodes]
    .filter((n) => !(n instanceof Element && n.classList.contains('visually-hidden')))
    .map((n) => n.textContent ?? '')
    .join('');
}

/** `text` in lines no wider than `width`, broken between words (a word too long is cut later). */
function wrap(ctx: CanvasRenderingContext2D, text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && ctx.measureText(longer).width > width) {
      lines.push(line);
      line = word;
    } else line = longer;
  }
  return line === '' ? lines : [...lines, line];
}

/**
 * Writes what `el` shows in its own font and colour, in as many lines as it takes on the page (a long
 * name wraps on its card), the last one cut with "…" if the canvas's font runs longer.
 */
function drawText(ctx: CanvasRenderingContext2D, el: HTMLElement, box: Box): void {
  const style = getComputedStyle(el);
  const left = parseFloat(style.paddingLeft) || 0;
  const top = parseFloat(style.paddingTop) || 0;
  const line = Math.min(parseFloat(style.lineHeight) || box.h, box.h);
  const width = box.w - 2 * left;
  ctx.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  ctx.fillStyle = style.color;
  ctx.textBaseline = 'middle';
  const lines = wrap(ctx, shownText(el), width);
  const room = Math.max(1, Math.round((box.h - 2 * top) / line));
  const shown = lines.length > room ? [...lines.slice(0, room - 1), lines.slice(room - 1).join(' ')] : lines;
  shown.forEach((text, i) =>
    ctx.fillText(fitText(ctx, text, width), box.x + left, box.y + top + line * (i + 0.5)),
  );
}

/** A badge or score chip: its rounded background, then its text (⚠ public, ◆ disclosed, the score). */
function drawChip(ctx: CanvasRenderingContext2D, chip: HTMLElement, box: Box): void {
  const style = getComputedStyle(chip);
  ctx.fillStyle = style.backgroundColor;
  ctx.beginPath();
  ctx.roundRect(box.x, box.y, box.w, box.h, parseFloat(style.borderTopLeftRadius) || 0);
  ctx.fill();
  drawText(ctx, chip, box);
}

/**
 * A card as the page draws it: its type's tint and left edge, its risk band's right edge (the
 * `--band-edge` of styles.css), its name and kind, then its badges and risk score where they sit.
 */
function drawCard(ctx: CanvasRenderingContext2D, card: HTMLElement, place: (el: Element) => Box): void {
  const style = getComputedStyle(card);
  const p = place(card);
  ctx.fillStyle = style.backgroundColor || '#ffffff';
  ctx.fillRect(p.x, p.y, p.w, p.h);
  ctx.fillStyle = style.borderLeftColor;
  ctx.fillRect(p.x, p.y, parseFloat(style.borderLeftWidth) || 0, p.h);
  const band = style.getPropertyValue('--band-edge').trim();
  if (band !== '') {
    ctx.fillStyle = band;
    ctx.fillRect(p.x + p.w - BAND_EDGE - 1, p.y, BAND_EDGE, p.h);
  }
  ctx.strokeStyle = '#555555';
  ctx.lineWidth = 1;
  ctx.strokeRect(p.x + 0.5, p.y + 0.5, p.w - 1, p.h - 1);
  for (const text of card.querySelectorAll<HTMLElement>('.org-name, .org-meta'))
    drawText(ctx, text, place(text));
  for (const chip of card.querySelectorAll<HTMLElement>('.badge, .risk-score'))
    drawChip(ctx, chip, place(chip));
}

/**
 * What the marks drawn in `tiers` mean, for the line under the PNG's title: the image leaves the page,
 * and the legend of the exposure panel with it. Disclosed evidence is named as such.
 */
export function pngLegend(tiers: HTMLElement, viewer: string): string {
  return [
    tiers.querySelector('.badge:not(.badge-disclosed)') && '⚠ highest public risk indicator',
    tiers.querySelector('.badge-disclosed') &&
      `◆ highest indicator in what was disclosed to ${isolate(viewer)}`,
    tiers.querySelector('.risk-score') &&
      `number and right edge: risk score 0–100 and its band (${BANDS_IN_WORDS})`,
  ]
    .filter((part): part is string => typeof part === 'string')
    .join(' · ');
}

/**
 * Draws the tier view as it is laid out now into a PNG blob, under `title` and a `legend` line
 * (pngLegend).
 */
export async function tierViewPng(
  tiers: HTMLElement,
  input: TierViewInput,
  title: string,
  legend: string,
): Promise<Blob> {
  const box = tiers.getBoundingClientRect();
  const place = (el: Element): Box => {
    const r = el.getBoundingClientRect();
    return {
      x: r.left - box.left + tiers.scrollLeft,
      y: r.top - box.top + tiers.scrollTop,
      w: r.width,
      h: r.height,
    };
  };
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw a PNG');
  ctx.font = 'bold 16px system-ui, sans-serif';
  const width = Math.min(Math.max(tiers.scrollWidth, ctx.measureText(title).width + 24, 400), 16_000);
  // The legend (with the score bands, some 1,500 px) is wider than most chains drawn: it wraps, and
  // the tiers move down, rather than run off the image's right edge mid-sentence.
  ctx.font = LEGEND_FONT;
  const legendLines = wrap(ctx, legend, width - 24);
  const header = HEADER + LEGEND_LINE * Math.max(0, legendLines.length - 1);
  const height = Math.min(tiers.scrollHeight + header, 16_000);
  canvas.width = width;
  canvas.height = height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = 'bold 16px system-ui, sans-serif';
  ctx.fillText(title, 12, 26);
  ctx.font = LEGEND_FONT;
  ctx.fillStyle = '#444444';
  legendLines.forEach((line, i) => ctx.fillText(line, 12, 46 + LEGEND_LINE * i));
  ctx.translate(0, header);

  ctx.lineWidth = 1.5;
  for (const g of linkGeometry(tiers, input)) {
    ctx.strokeStyle = g.highlighted ? '#0b57d0' : g.sideways ? '#b0b0b0' : '#8a8f98';
    ctx.setLineDash(g.sideways ? [4, 4] : []);
    ctx.stroke(new Path2D(curve(g)));
  }
  ctx.setLineDash([]);

  for (const text of tiers.querySelectorAll<HTMLElement>('.tier-title, .tier-count, button.more'))
    drawText(ctx, text, place(text));
  for (const card of tiers.querySelectorAll<HTMLElement>('button.org')) drawCard(ctx, card, place);
  return new Promise((done, fail) =>
    canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('PNG export failed'))), 'image/png'),
  );
}
