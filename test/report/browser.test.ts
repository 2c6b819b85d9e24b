// The report in a real browser (issue 19): Debian's chromium, headless (driven by playwright-core), opens the file
// offline, and every chart must be there and drawn: a box of its size on the page, marks in its SVG, and pixels that
// are not background in its screenshot. CI installs chromium and a CJK font (.ci/run); without chromium this test
// fails and says so — it never skips.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { jiuzhu, SAMPLE } from '../helpers/cli.js';

const CHROMIUM = process.env.JIUZHU_CHROMIUM ?? '/usr/bin/chromium';
const dir = mkdtempSync(join(tmpdir(), 'jiuzhu-browser-'));

/** The share of pixels that are not (near) white. */
function inked(png: Buffer): number {
  const img = PNG.sync.read(png);
  let ink = 0;
  for (let i = 0; i < img.data.length; i += 4) if (img.data[i]! < 235 || img.data[i + 1]! < 235 || img.data[i + 2]! < 235) ink++;
  return ink / (img.width * img.height);
}

/** Tables that reach past the page's text column (a basis kept on one line ran off the page). */
const overflowing = (page: Page) =>
  page.evaluate(`(() => {
    const right = document.body.getBoundingClientRect().right - parseFloat(getComputedStyle(document.body).paddingRight);
    return [...document.querySelectorAll('table')].filter((t) => t.getBoundingClientRect().right > right + 1)
      .map((t) => t.querySelector('thead th')?.textContent ?? t.id);
  })()`);

/** Every chart on the page is there and drawn: a box of its size, marks in its SVG, ink in its screenshot. */
async function drawn(page: Page, count: number): Promise<void> {
  const charts = page.locator('figure.chart');
  expect(await charts.count()).toBe(count);
  for (let i = 0; i < count; i++) {
    const fig = charts.nth(i);
    const id = await fig.getAttribute('id');
    const box = await fig.locator('svg').boundingBox();
    expect(box && box.width > 300 && box.height > 100, `${id} has a box`).toBe(true);
    expect(await fig.locator('svg path, svg rect, svg text').count(), `${id} has marks`).toBeGreaterThan(10);
    const shot = await fig.locator('svg').screenshot();
    expect(inked(shot), `${id} is drawn`).toBeGreaterThan(0.01);
  }
}

let browser: Browser;
beforeAll(async () => {
  if (!existsSync(CHROMIUM))
    throw new Error(`no browser at ${CHROMIUM}: install Debian's chromium (apt-get install chromium fonts-noto-cjk), as .ci/run does`);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}, 60_000);
afterAll(async () => browser?.close());

describe('the report in chromium', () => {
  it('shows every chart drawn, and the headline, at A4 width; a blank chart fails', { timeout: 120_000 }, async () => {
    const out = join(dir, 'report.html');
    const r = jiuzhu([
      'report',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--policy',
      'policies/guangdong-guangzhou.yaml',
      '--households',
      SAMPLE,
      '--scenario',
      'scenarios/low-income-2x.yaml',
      '--date',
      '2025-06-30',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    // offline: any request leaving the file is a failure
    const requests: string[] = [];
    page.on('request', (q) => {
      if (!q.url().startsWith('file://')) requests.push(q.url());
    });
    await page.goto(`file://${out}`);
    expect(await page.locator('h1').innerText()).toContain('社会救助政策模拟报告');
    const top = await page.screenshot();
    writeFileSync(join(dir, 'top.png'), top);
    expect(inked(top)).toBeGreaterThan(0.03);
    await drawn(page, 18);
    // every table within the page (open the parameter lists first)
    await page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
    expect(await overflowing(page)).toEqual([]);
    expect(requests).toEqual([]);
    // the check fails on a blank chart: the same page with one chart's drawing removed
    await page.evaluate('document.querySelector("figure.chart svg").innerHTML = ""');
    expect(inked(await page.locator('figure.chart').first().locator('svg').screenshot())).toBeLessThan(0.01);
    await page.close();
  });

  it('shows the budget years (report --years): its three charts drawn, every table within the page', { timeout: 120_000 }, async () => {
    const out = join(dir, 'years.html');
    const r = jiuzhu([
      'report',
      '--policy',
      'policies/guangxi-nanning.yaml',
      '--households',
      SAMPLE,
      '--years',
      '2027-2029',
      '--projection',
      'scenarios/projections/guangxi-nanning-4pct.yaml',
      '--scenario',
      'scenarios/low-income-2x.yaml',
      '--out',
      out,
    ]);
    expect(r.code, r.stderr).toBe(0);
    const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
    await page.goto(`file://${out}`);
    expect(await page.locator('h1').innerText()).toContain('社会救助中期财政规划');
    await drawn(page, 3);
    await page.evaluate('document.querySelectorAll("details").forEach((d) => { d.open = true; })');
    expect(await overflowing(page)).toEqual([]);
    await page.close();
  });
});
