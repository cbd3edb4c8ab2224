/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// Region Stockholm's exported PNG cut its legend off mid-sentence ("… medium from 20" at the right
// edge): the image is as wide as the tiers drawn, the legend with the score bands wider. The legend now
// wraps and the tiers move down, so the image says every band in words, as the page does.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { DEMO_IDS, DEMO_SCENARIO } from '../support/demo-scenario.ts';
import { ARTIFACTS, dashboardSession, describeInBrowser, signInAsDemo } from './browser.ts';

const ui = dashboardSession(DEMO_SCENARIO, { warmUpAs: DEMO_IDS.regionStockholm });

describeInBrowser('the exported PNG of the chain', () => {
  it('wraps its legend within the image instead of cutting it off at the right edge', async () => {
    await signInAsDemo(ui.page, ui.app, DEMO_IDS.regionStockholm);
    await ui.page.locator(`button.org[data-org-id="${DEMO_IDS.hiproDongguan}"] .risk-score`).waitFor();
    await ui.page.locator(`button.org[data-org-id="${DEMO_IDS.dell}"] .badge-disclosed`).waitFor();
    const [download] = await Promise.all([ui.page.waitForEvent('download'), ui.page.click('#export-png')]);
    const path = join(ARTIFACTS, 'png-legend.png');
    await download.saveAs(path);
    const drawn = await ui.page.evaluate(
      async (png) => {
        const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
        const image = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(image.width, image.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(image, 0, 0);
        const header = image.height - document.querySelector<HTMLElement>('.tiers')!.scrollHeight;
        // Ink (anything but white) in the last 8 columns of the image, above the tiers.
        const edge = ctx.getImageData(image.width - 8, 30, 8, header - 34).data;
        let ink = 0;
        for (let i = 0; i < edge.length; i += 4) if (edge[i]! < 250 || edge[i + 1]! < 250) ink++;
        return { width: image.width, header, ink };
      },
      (await readFile(path)).toString('base64'),
    );
    expect(drawn.ink, 'legend text at the right edge').toBe(0);
    // The legend (three parts, the bands in words) takes more than one line at the chain's width.
    expect(drawn.header).toBeGreaterThan(58);
  });
});
