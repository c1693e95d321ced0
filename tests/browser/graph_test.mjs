#!/usr/bin/env node
// Browser tests of `meshgraph graph`, in Debian's headless Chromium driven by playwright-core:
// SVG, PNG and PDF are well formed and carry our node ids; the HTML page loads offline with no
// console error and its search finds a model; every golden Mermaid diagram renders with the
// `mermaid` package; hostile names run no script anywhere. Screenshots go to tests/artifacts/.
//
// Usage (from the repository root): node tests/browser/graph_test.mjs --binary build/release/meshgraph
// Exit 0 all passed, 1 a test failed, 77 Chromium or node_modules missing (ctest SKIP_RETURN_CODE).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = '/usr/bin/chromium';
const ARTIFACTS = 'tests/artifacts';
const MERMAID = 'node_modules/mermaid/dist/mermaid.min.js';
const RAINBOW = 'fixtures/rainbow_road';
const HOSTILE = 'tests/browser/fixtures/hostile';
const AS_OF = ['--as-of', '2026-11-23'];
const PWNED = '__meshgraph_pwned';

const binaryAt = process.argv.indexOf('--binary');
const binary = binaryAt > 0 ? process.argv[binaryAt + 1] : 'build/release/meshgraph';
if (!fs.existsSync(CHROMIUM) || !fs.existsSync('node_modules/playwright-core') || !fs.existsSync(MERMAID)) {
  console.log(`skip: needs ${CHROMIUM} and node_modules (scripts/install-deps)`);
  process.exit(77);
}
const { chromium } = await import('playwright-core');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'meshgraph-browser-'));
fs.mkdirSync(ARTIFACTS, { recursive: true });

/** Runs meshgraph graph and returns the output file's path. */
function draw(name, args) {
  const output = path.join(work, name);
  execFileSync(binary, ['graph', ...args, '--output', output], { stdio: ['ignore', 'ignore', 'inherit'] });
  return output;
}

/** The node ids of a DOT diagram, as its node statements give them. */
function dotNodeIds(args) {
  const dot = execFileSync(binary, ['graph', ...args, '--format', 'dot'], { encoding: 'utf8' });
  const ids = [];
  for (const match of dot.matchAll(/^\s+"((?:[^"\\]|\\.)*)" \[id=/gm)) ids.push(match[1].replace(/\\(["\\])/g, '$1'));
  return ids;
}

const results = [];
async function test(name, body) {
  try {
    await body();
    results.push(true);
    console.log(`ok - ${name}`);
  } catch (error) {
    results.push(false);
    console.log(`not ok - ${name}\n  ${String(error.stack || error).split('\n').join('\n  ')}`);
  }
}
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

/** A page that records console errors, uncaught errors, dialogs and every request it makes. */
async function watchedPage(context) {
  const page = await context.newPage();
  const seen = { errors: [], dialogs: [], requests: [] };
  page.on('console', (message) => { if (message.type() === 'error') seen.errors.push(message.text()); });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('dialog', async (dialog) => { seen.dialogs.push(dialog.message()); await dialog.dismiss(); });
  page.on('request', (request) => seen.requests.push(request.url()));
  return { page, seen };
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'meshgraph-chromium-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: CHROMIUM,
  headless: true,
  viewport: { width: 1600, height: 1000 },
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run',
         '--disable-component-update', '--disable-sync'],
});

try {
  const modelCheck = [RAINBOW, '--level', 'model', '--highlight', 'check', ...AS_OF];

  await test('SVG parses as XML and holds every node id of the diagram', async () => {
    const svg = fs.readFileSync(draw('model.svg', modelCheck), 'utf8');
    const expected = dotNodeIds(modelCheck);
    assert(expected.length > 50, `expected the model graph's ids, got ${expected.length}`);
    const { page } = await watchedPage(context);
    const found = await page.evaluate((text) => {
      const document = new DOMParser().parseFromString(text, 'image/svg+xml');
      if (document.getElementsByTagName('parsererror').length > 0) return null;
      return Array.from(document.querySelectorAll('g.node')).map((node) => node.getAttribute('id'));
    }, svg);
    assert(found !== null, 'the SVG is not well-formed XML');
    const missing = expected.filter((id) => !found.includes(id));
    assert(missing.length === 0, `node ids missing from the SVG: ${missing.join(', ')}`);
    await page.close();
  });

  await test('PNG has its signature, a real size, and decodes in the browser', async () => {
    const png = fs.readFileSync(draw('projects.png', [RAINBOW, ...AS_OF]));
    assert(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])), 'no PNG signature');
    assert(png.length > 10000, `PNG is only ${png.length} bytes`);
    const { page } = await watchedPage(context);
    const width = await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      return image.naturalWidth;
    }, png.toString('base64'));
    assert(width > 300, `decoded PNG is ${width} px wide`);
    await page.close();
  });

  await test('PDF has its header, its end marker and a real size', async () => {
    const pdf = fs.readFileSync(draw('model.pdf', modelCheck));
    assert(pdf.subarray(0, 5).toString('latin1') === '%PDF-', 'no %PDF- header');
    assert(pdf.includes('%%EOF'), 'no %%EOF marker');
    assert(pdf.length > 5000, `PDF is only ${pdf.length} bytes`);
  });

  await test('HTML loads offline with no console error, and its search finds a model', async () => {
    const html = draw('model.html', modelCheck);
    const { page, seen } = await watchedPage(context);
    await page.goto(pathToFileURL(html).href);
    await page.fill('#mg-search', 'fct_donations');
    await page.press('#mg-search', 'Enter');
    await page.waitForFunction(() => document.getElementById('mg-status').textContent.startsWith('Found'));
    const status = await page.textContent('#mg-status');
    assert(status === 'Found model.finance_marketing.fct_donations (1 of 1)', `search status: ${status}`);
    const marked = await page.evaluate(() =>
      document.getElementById('model.finance_marketing.fct_donations').classList.contains('mg-found'));
    assert(marked, 'the found node is not marked');
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph-html-search.png') });
    const before = await page.getAttribute('#mg-viewport svg', 'viewBox');
    await page.click('#mg-fit');
    await page.click('#mg-zoom-in');
    assert(before !== (await page.getAttribute('#mg-viewport svg', 'viewBox')), 'zoom did not change the view');
    const rows = await page.locator('.mg-findings tbody tr').count();
    assert(rows === 18, `findings table has ${rows} rows, expected Rainbow Road's 18`);
    await page.click('.mg-findings tbody tr:first-child');
    assert((await page.textContent('#mg-status')).startsWith('Showing '), 'a findings row did not show its node');
    await page.click('#mg-fit');
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph-html.png') });
    assert(seen.errors.length === 0, `console errors: ${seen.errors.join(' | ')}`);
    const elsewhere = seen.requests.filter((url) => url !== pathToFileURL(html).href && !url.startsWith('data:'));
    assert(elsewhere.length === 0, `the page fetched: ${elsewhere.join(', ')}`);
    await page.close();
  });

  await test('every golden Mermaid diagram renders with the mermaid package', async () => {
    const goldens = fs.readdirSync('tests/golden').filter((name) => name.startsWith('graph-') && name.endsWith('-mermaid'));
    assert(goldens.length >= 8, `found ${goldens.length} Mermaid goldens`);
    const { page, seen } = await watchedPage(context);
    await page.setContent('<!DOCTYPE html><html><body><div id="out"></div></body></html>');
    await page.addScriptTag({ path: MERMAID });
    await page.evaluate(() => window.mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' }));
    for (const name of goldens) {
      const text = fs.readFileSync(path.join('tests/golden', name, 'expected.stdout'), 'utf8');
      const outcome = await page.evaluate(async ({ text, id }) => {
        try {
          const { svg } = await window.mermaid.render(id, text);
          document.getElementById('out').innerHTML = svg;
          return { nodes: document.querySelectorAll('#out g.node').length };
        } catch (error) {
          return { error: String(error && error.message || error) };
        }
      }, { text, id: name.replace(/[^a-z0-9]/g, '_') });
      assert(!outcome.error, `${name}: ${outcome.error}`);
      const declared = (text.match(/^\s+n\d+[[({]/gm) || []).length;
      assert(outcome.nodes === declared, `${name}: ${outcome.nodes} nodes drawn, ${declared} declared`);
      if (name === 'graph-rainbow-road-project-check-mermaid') {
        await page.screenshot({ path: path.join(ARTIFACTS, 'graph-mermaid-project.png') });
      }
    }
    assert(!(await page.evaluate((flag) => flag in window, PWNED)), 'a hostile Mermaid label ran a script');
    assert(seen.dialogs.length === 0, `dialogs opened: ${seen.dialogs.join(' | ')}`);
    await page.close();
  });

  await test('hostile names run no script in the HTML page and show as text', async () => {
    const html = draw('hostile.html', [HOSTILE, '--level', 'model', '--highlight', 'check', ...AS_OF]);
    const { page, seen } = await watchedPage(context);
    await page.goto(pathToFileURL(html).href);
    await page.waitForTimeout(200);
    assert(!(await page.evaluate((flag) => flag in window, PWNED)), 'a hostile name ran a script');
    assert(seen.dialogs.length === 0, `dialogs opened: ${seen.dialogs.join(' | ')}`);
    assert((await page.locator('script').count()) === 2, 'the page has scripts it did not write');
    const texts = await page.evaluate(() => Array.from(document.querySelectorAll('svg text')).map((t) => t.textContent));
    assert(texts.includes('</script><script>window.__meshgraph_pwned=1</script>'), 'hostile label not shown as text');
    assert(texts.includes('dot"]; pwned [label="pwned'), 'DOT breakout label not shown as text');
    assert(texts.includes('back\\slash\\N\\G\\l\\"'), 'backslashes or Graphviz escapes changed the label');
    await page.fill('#mg-search', '</script>');
    await page.press('#mg-search', 'Enter');
    const status = await page.textContent('#mg-status');
    assert(status.startsWith('Found model.evil"<i>&\'\\N.</script>'), `search status: ${status}`);
    const cells = await page.evaluate(() => Array.from(document.querySelectorAll('.mg-findings td')).map((t) => t.textContent));
    assert(cells.some((cell) => cell.includes("refs private model 'evil\"<i>&'\\N.</script><script>")), 'finding text altered');
    await page.screenshot({ path: path.join(ARTIFACTS, 'graph-html-hostile.png') });
    assert(seen.errors.length === 0, `console errors: ${seen.errors.join(' | ')}`);
    await page.close();
  });

  await test('hostile names run no script in the SVG opened on its own', async () => {
    const svg = draw('hostile.svg', [HOSTILE, '--level', 'model', '--highlight', 'check', ...AS_OF]);
    const { page, seen } = await watchedPage(context);
    await page.goto(pathToFileURL(svg).href);
    await page.waitForTimeout(200);
    assert(!(await page.evaluate((flag) => flag in window, PWNED)), 'a hostile name ran a script');
    assert((await page.evaluate(() => document.getElementsByTagName('script').length)) === 0, 'the SVG has a script');
    assert(seen.dialogs.length === 0 && seen.errors.length === 0, `errors: ${seen.errors.join(' | ')}`);
    await page.close();
  });
} finally {
  await context.close();
  fs.rmSync(profile, { recursive: true, force: true });
  fs.rmSync(work, { recursive: true, force: true });
}

const failed = results.filter((passed) => !passed).length;
console.log(`${results.length - failed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
