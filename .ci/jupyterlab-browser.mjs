// Drives a real JupyterLab in Debian's Chromium (playwright-core) the way an attendee does: opens each notebook,
// runs all cells through the UI, and checks what a person sees. Started by .ci/jupyterlab-browser, which runs the
// server. Usage: node .ci/jupyterlab-browser.mjs BASE_URL TOKEN SCREENSHOT_DIR NOTEBOOK...
// Fails (exit 1) on: a cell that did not run (an error stops Run All), a chart without a rendered Plotly SVG, a
// training progress output that did not change at least twice while the notebook ran.
import { createRequire } from 'node:module';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const { chromium } = require(process.env.PLAYWRIGHT_CORE ?? '/opt/playwright/node_modules/playwright-core');

// Nothing but 127.0.0.1: the same list as ChromiumSession.LoopbackOnlyFlags (lib/CustomerAnalytics/Charts), which a
// test keeps equal. Without the resolver rule chromium's network service looks up Google hosts and connects out.
const LOOPBACK_ONLY_FLAGS = [
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE localhost',
  '--no-proxy-server', '--dns-prefetch-disable', '--disable-quic', '--no-pings',
  '--no-first-run', '--no-default-browser-check', '--disable-default-apps', '--disable-extensions',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-domain-reliability', '--disable-client-side-phishing-detection', '--disable-breakpad',
  '--metrics-recording-only', '--safebrowsing-disable-auto-update',
];

const [base, token, shots, ...notebooks] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', ...LOOPBACK_ONLY_FLAGS],
});
const failures = [];
try {
  for (const notebook of notebooks) failures.push(...await runNotebook(notebook));
} finally {
  await browser.close();
}
if (failures.length) {
  console.log(`FAILED:\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log('every notebook ran in JupyterLab with charts drawn');

async function runNotebook(notebook) {
  const name = notebook.replace(/^.*\//, '').replace(/\.ipynb$/, '');
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  const problems = [];
  const started = Date.now();
  await page.goto(`${base}/lab/tree/${notebook}?token=${token}&reset`);
  await page.waitForFunction(() => window.jupyterapp?.shell?.currentWidget?.sessionContext?.session?.kernel, null, { timeout: 120_000 });
  await page.waitForFunction(() => window.jupyterapp.shell.currentWidget.sessionContext.session.kernel.status === 'idle', null, { timeout: 120_000 });
  // Not awaited inside the page: the command's promise settles only when the last cell has run.
  await page.evaluate(() => { void window.jupyterapp.commands.execute('notebook:run-all-cells'); });

  // While it runs, watch the training progress (stdout lines per epoch) and keep a picture of it moving.
  const progress = new Set();
  let shot = 0;
  for (;;) {
    await page.waitForTimeout(250);
    const state = await page.evaluate(() => {
      const cells = [...document.querySelectorAll('.jp-CodeCell')];
      const prompts = cells.map(c => c.querySelector('.jp-InputPrompt')?.textContent ?? '');
      const progress = [...document.querySelectorAll('.jp-OutputArea-output')]
        .map(o => o.textContent).filter(t => /epoch\s+\d+\//i.test(t)).join('\n');
      const kernel = window.jupyterapp.shell.currentWidget.sessionContext.session?.kernel?.status;
      return { running: prompts.some(p => p.includes('*')), progress, kernel };
    });
    if (state.progress && !progress.has(state.progress)) {
      progress.add(state.progress);
      if (process.env.BROWSER_DEBUG) console.log(`${name} +${Math.round((Date.now() - started) / 1000)} s progress: ${state.progress.length} chars, last line: ${state.progress.trim().split('\n').pop().slice(0, 100)}`);
      const output = page.locator('.jp-OutputArea-output', { hasText: /epoch\s+\d+\//i }).last();
      if (shot < 4 && await output.count()) await output.screenshot({ path: join(shots, `${name}-progress-${++shot}.png`) }).catch(() => {});
    }
    if (!state.running && state.kernel === 'idle') break;
    if (Date.now() - started > 20 * 60_000) { problems.push(`${name}: still running after 20 minutes`); break; }
  }

  // From the notebook model: a collapsed (solution) cell shows no prompt, but its model has the execution count.
  const unrun = await page.evaluate(() => {
    const cells = window.jupyterapp.shell.currentWidget.content.model.cells;
    const code = [...Array(cells.length).keys()].map(i => cells.get(i)).filter(c => c.type === 'code');
    return code.map((c, i) => ({ i: i + 1, count: c.executionCount })).filter(c => !c.count).map(c => c.i);
  });
  if (unrun.length) problems.push(`${name}: code cells ${unrun.join(', ')} did not run (a cell error stops Run All)`);
  const errors = await page.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stderr"]', { hasText: /Exception|error CS\d+/ }).allTextContents();
  for (const e of errors) problems.push(`${name}: error output: ${e.slice(0, 300)}`);

  const charts = page.locator('.ca-chart');
  const count = await charts.count();
  for (let i = 0; i < count; i++) {
    const chart = charts.nth(i);
    await chart.scrollIntoViewIfNeeded();
    if (await chart.locator('.js-plotly-plot .main-svg').count() === 0) problems.push(`${name}: chart ${i + 1} of ${count} has no rendered Plotly SVG`);
    await chart.screenshot({ path: join(shots, `${name}-chart-${i + 1}.png`) }).catch(e => problems.push(`${name}: chart ${i + 1} screenshot: ${e.message}`));
  }
  const trains = /lstm|churn/.test(name);
  if (trains && progress.size < 3) problems.push(`${name}: the training progress changed ${Math.max(0, progress.size - 1)} time(s) while it ran; expected at least 2`);
  console.log(`${name}: ${count} chart(s) drawn, progress seen in ${progress.size} state(s), ${Math.round((Date.now() - started) / 1000)} s`);

  await page.evaluate(() => window.jupyterapp.commands.execute('kernelmenu:shutdown')).catch(() => {});
  await page.close();
  return problems;
}
