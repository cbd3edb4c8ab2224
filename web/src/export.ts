// Exports: the visible chain as CSV, and the tier view as PNG, drawn onto a canvas from the positions
// of the cards on screen (no screenshot library, nothing leaves the browser).
import { highestSeverity, type RiskIndicator } from './model.ts';
import { curve, linkGeometry, type TierViewInput } from './tier-view.ts';

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

/** File names: `tiersight-<root id>-<yyyy-mm-dd>.<ext>`, safe on every file system. */
export const exportName = (rootId: string, ext: string, now = new Date()): string =>
  `tiersight-${rootId.replace(/[^a-zA-Z0-9_-]+/g, '_')}-${now.toISOString().slice(0, 10)}.${ext}`;

const TYPE_FILL: Record<string, string> = {};
const SEVERITY_FILL: Record<string, string> = {
  LOW: '#5f6368',
  MEDIUM: '#8a5a00',
  HIGH: '#b3261e',
  CRITICAL: '#6d0f0f',
};

function fillFor(card: HTMLElement): string {
  const type = [...card.classList].find((c) => c.startsWith('type-')) ?? '';
  if (!(type in TYPE_FILL)) TYPE_FILL[type] = getComputedStyle(card).backgroundColor || '#ffffff';
  return TYPE_FILL[type] ?? '#ffffff';
}

function fitText(ctx: CanvasRenderingContext2D, text: string, width: number): string {
  if (ctx.measureText(text).width <= width) return text;
  let cut = text;
  while (cut.length > 1 && ctx.measureText(`${cut}…`).width > width) cut = cut.slice(0, -1);
  return `${cut}…`;
}

/** Draws the tier view as it is laid out now into a PNG blob. */
export async function tierViewPng(
  tiers: HTMLElement,
  input: TierViewInput,
  risks: ReadonlyMap<string, RiskIndicator[]>,
  title: string,
): Promise<Blob> {
  const box = tiers.getBoundingClientRect();
  const place = (el: Element) => {
    const r = el.getBoundingClientRect();
    return {
      x: r.left - box.left + tiers.scrollLeft,
      y: r.top - box.top + tiers.scrollTop,
      w: r.width,
      h: r.height,
    };
  };
  const top = 40;
  const canvas = document.createElement('canvas');
  const ctx = canvas.getContext('2d');
  if (ctx === null) throw new Error('This browser cannot draw a PNG');
  ctx.font = 'bold 16px system-ui, sans-serif';
  const width = Math.min(Math.max(tiers.scrollWidth, ctx.measureText(title).width + 24, 400), 16_000);
  const height = Math.min(tiers.scrollHeight + top, 16_000);
  canvas.width = width;
  canvas.height = height;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  ctx.fillStyle = '#111111';
  ctx.font = 'bold 16px system-ui, sans-serif';
  ctx.fillText(title, 12, 26);
  ctx.translate(0, top);

  ctx.lineWidth = 1.5;
  for (const g of linkGeometry(tiers, input)) {
    ctx.strokeStyle = g.highlighted ? '#0b57d0' : g.sideways ? '#b0b0b0' : '#8a8f98';
    ctx.setLineDash(g.sideways ? [4, 4] : []);
    ctx.stroke(new Path2D(curve(g)));
  }
  ctx.setLineDash([]);

  for (const heading of tiers.querySelectorAll<HTMLElement>('.tier-heading')) {
    const p = place(heading);
    ctx.fillStyle = '#111111';
    ctx.font = 'bold 15px system-ui, sans-serif';
    ctx.fillText(heading.querySelector('.tier-title')?.textContent ?? '', p.x, p.y + 16);
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#444444';
    ctx.fillText(heading.querySelector('.tier-count')?.textContent ?? '', p.x, p.y + 32);
  }
  for (const card of tiers.querySelectorAll<HTMLElement>('button.org')) {
    const p = place(card);
    ctx.fillStyle = fillFor(card);
    ctx.fillRect(p.x, p.y, p.w, p.h);
    ctx.strokeStyle = '#555555';
    ctx.lineWidth = 1;
    ctx.strokeRect(p.x + 0.5, p.y + 0.5, p.w - 1, p.h - 1);
    ctx.fillStyle = '#111111';
    ctx.font = 'bold 13px system-ui, sans-serif';
    ctx.fillText(
      fitText(ctx, card.querySelector('.org-name')?.textContent ?? '', p.w - 16),
      p.x + 8,
      p.y + 18,
    );
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillStyle = '#333333';
    ctx.fillText(card.querySelector('.org-meta')?.textContent ?? '', p.x + 8, p.y + 34);
    const severity = highestSeverity(risks.get(card.dataset['orgId'] ?? ''));
    if (severity !== null) {
      ctx.font = 'bold 11px system-ui, sans-serif';
      const label = `⚠ ${severity}`;
      const w = ctx.measureText(label).width + 10;
      ctx.fillStyle = SEVERITY_FILL[severity] ?? '#b3261e';
      ctx.fillRect(p.x + p.w - w - 6, p.y + 24, w, 16);
      ctx.fillStyle = '#ffffff';
      ctx.fillText(label, p.x + p.w - w - 1, p.y + 36);
    }
  }
  for (const more of tiers.querySelectorAll<HTMLElement>('button.more')) {
    const p = place(more);
    ctx.fillStyle = '#333333';
    ctx.font = '12px system-ui, sans-serif';
    ctx.fillText(more.textContent ?? '', p.x + 8, p.y + 16);
  }
  return new Promise((done, fail) =>
    canvas.toBlob((blob) => (blob ? done(blob) : fail(new Error('PNG export failed'))), 'image/png'),
  );
}
