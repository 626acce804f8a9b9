// Where the task bar sits on a 375×667 phone. The simulator has no layout, so the pages it rendered are
// laid out by Chromium instead: their DOM as j-component drew it (wx-view → div, wx-text → span, the
// component prefix taken off each class) with the build's own stylesheets (rpx → px at 375 wide).
// An approximation of WeChat's renderer, close enough to tell whether the bar covers a button.
const fs = require('fs');
const path = require('path');
const { root } = require('./tools');

const WIDTH = 375;
const HEIGHT = 667;

/** A stylesheet and the ones it imports, in order, as one text. */
function stylesOf(dir, file, seen = new Set()) {
  if (seen.has(file) || !fs.existsSync(path.join(dir, file))) return '';
  seen.add(file);
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  let out = '';
  for (const [, target = ''] of text.matchAll(/@import\s+["']([^"']+)["']/g))
    out += stylesOf(dir, path.normalize(path.join(path.dirname(file), target)), seen);
  return out + text.replace(/@import[^;]*;/g, '');
}

function pageHtml(dir, route, dom, care) {
  const css = (stylesOf(dir, 'app.wxss') + stylesOf(dir, `${route}.wxss`))
    .replace(/(-?\d*\.?\d+)rpx/g, (_, n) => `${(Number(n) * WIDTH) / 750}px`)
    .replace(/\bpage\b/g, 'body');
  let body = dom
    .replace(
      /<(\/?)wx-([a-z-]+)/g,
      (_, close, tag) => `<${close}${tag === 'text' ? 'span' : tag === 'button' ? 'button' : 'div'}`,
    )
    .replace(/class="([^"]*)"/g, (_, c) => `class="${c.replace(/(^|\s)(?:main|comp)--/g, '$1')}"`)
    .replace(/<\/?main>/g, '');
  // 关怀模式 changes only the page's classes (and follows the system font size, 16 px here).
  if (care) body = body.replace(/class="screen /, 'class="screen screen--care screen--care-system ');
  return `<!doctype html><html><head><meta name="viewport" content="width=device-width"><style>${css}
span{display:inline}button{border:0}</style></head><body>${body}</body></html>`;
}

/**
 * Each snapshot ({ name, route, dom }) laid out at 375×667, plain and in 关怀模式: every button of the
 * page, scrolled into view (and on, if the bar hides it), ends above the bar; the consent page's sticky footer rests on it; nothing
 * widens the page. Screenshots go to `shots`. Returns the problems found.
 */
async function checkBarLayout(dir, snapshots, shots) {
  const { chromium } = require(path.join(root, 'node_modules/playwright-core'));
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  const problems = [];
  const seen = [];
  try {
    const context = await browser.newContext({
      viewport: { width: WIDTH, height: HEIGHT },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    fs.mkdirSync(shots, { recursive: true });
    for (const { name, route, dom } of snapshots)
      for (const care of [false, true]) {
        const label = `${name}${care ? ' (关怀模式)' : ''}`;
        const page = await context.newPage();
        await page.setContent(pageHtml(dir, route, dom, care));
        const barBox = async () =>
          (await page.locator('.task-bar').count()) ? page.locator('.task-bar').boundingBox() : null;
        if (!(await barBox())) problems.push(`${label}: no task bar drawn`);
        const buttons = page.locator('.big-button');
        const count = await buttons.count();
        for (let i = 0; i < count; i++) {
          const button = buttons.nth(i);
          await button.scrollIntoViewIfNeeded();
          let box = await button.boundingBox();
          let bar = await barBox();
          if (!box || !bar) continue;
          // Behind the bar: a person scrolls on until it shows; the page must have the room for it.
          const behind = box.y + box.height - bar.y;
          if (behind > 0) {
            await page.evaluate(`window.scrollBy(0, ${Math.ceil(behind) + 8})`);
            box = await button.boundingBox();
            bar = await barBox();
            if (!box || !bar) continue;
          }
          const text = ((await button.textContent()) || '').trim();
          if (box.y + box.height > bar.y + 0.5)
            problems.push(`${label}: the bar (top ${bar.y}) covers 「${text}」 (bottom ${box.y + box.height})`);
          seen.push(`${label} 「${text}」 ${Math.round(bar.y - box.y - box.height)} px above the bar`);
        }
        const footer = page.locator('.sticky-footer');
        const sticky = (await footer.count()) ? await footer.boundingBox() : null;
        const bar = await barBox();
        if (sticky && bar && Math.abs(sticky.y + sticky.height - bar.y) > 1)
          problems.push(`${label}: the sticky footer ends at ${sticky.y + sticky.height}, the bar starts at ${bar.y}`);
        if (bar && bar.y + bar.height > HEIGHT + 0.5) problems.push(`${label}: the bar runs off the screen`);
        const width = await page.evaluate('document.documentElement.scrollWidth');
        if (width > WIDTH) problems.push(`${label}: the page is ${width} px wide`);
        await page.screenshot({ path: path.join(shots, `${name}${care ? '-care' : ''}.png`) });
        await page.close();
      }
  } finally {
    await browser.close();
  }
  return { problems, seen };
}

module.exports = { checkBarLayout };
