// Opens the Temporal Web UI in headless Chromium, filters the workflow list by TrawlPipeline,
// finds one run and its summary, and keeps screenshots. Used by WebUiBrowserTest.
// Arguments: uiUrl namespace workflowId summary screenshotDir. Prints one JSON line.
import { createRequire } from 'node:module';

const require = createRequire(process.env.TRAWL_BROWSER_TOOLS + '/');
const { chromium } = require('playwright-core');
const [ui, namespace, workflowId, summary, shots] = process.argv.slice(2);

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
});
const result = { listed: false, summary: false };
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  const query = 'TrawlPipeline="jobs"';
  // Visibility lags the run a little: reload until the run shows up.
  for (let attempt = 0; attempt < 10 && !result.listed; attempt++) {
    await page.goto(`${ui}/namespaces/${namespace}/workflows?query=${encodeURIComponent(query)}`);
    try {
      await page.getByText(workflowId).first().waitFor({ timeout: 5000 });
      result.listed = true;
    } catch (notYet) {}
  }
  await page.screenshot({ path: `${shots}/workflows-filtered.png`, fullPage: true });
  if (result.listed) {
    await page.getByText(workflowId).first().click();
    try {
      // UI 2.5x keeps the static summary and details under this tab of the run page.
      await page.getByText('User Metadata').first().click({ timeout: 15000 });
      // The UI renders the summary as markdown inside a sandboxed iframe: look in every frame.
      for (let waited = 0; waited < 15000 && !result.summary; waited += 500) {
        for (const frame of page.frames()) {
          if ((await frame.getByText(summary).count()) > 0) {
            result.summary = true;
          }
        }
        if (!result.summary) {
          await page.waitForTimeout(500);
        }
      }
    } catch (missing) {
      result.error = String(missing).split('\n')[0];
    }
    await page.screenshot({ path: `${shots}/run.png`, fullPage: true });
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(result));
