// A loopback HTTP server through which tests running inside the extension host look at and act
// on the real workbench page (Playwright). Test-only: it listens on 127.0.0.1 for one run.
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';

export async function startProbe(artifacts) {
  let page;
  let cdp;
  const ops = {
    // `source` is a function's source text; it runs in the page with `arg`.
    evaluate: ({ source, arg }) => page.evaluate(`(${source})(${JSON.stringify(arg ?? null)})`),
    screenshot: async ({ name, selector }) => {
      const path = join(artifacts, `${name}.png`);
      if (selector) await page.locator(selector).first().screenshot({ path });
      else await page.screenshot({ path });
      return path;
    },
    mouseMove: ({ x, y }) => page.mouse.move(x, y),
    mouseClick: ({ x, y, button }) => page.mouse.click(x, y, { button }),
    // Press the left button at one point, move to another in steps (as a hand does), release there.
    mouseDrag: async ({ from, to }) => {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      await page.mouse.move(to.x, to.y, { steps: 12 });
      await page.mouse.up();
    },
    click: ({ selector }) => page.locator(selector).first().click(),
    hover: ({ selector }) => page.locator(selector).first().hover(),
    press: ({ key }) => page.keyboard.press(key),
    type: ({ text }) => page.keyboard.type(text),
    // A CPU profile of the page (the renderer's main thread), for the benchmarks; the page's clock
    // at the start is returned, to place the profile's samples against the page's own figures.
    profileStart: async () => {
      cdp = await page.context().newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
      await cdp.send('Profiler.start');
      return page.evaluate('[performance.now(), performance.timeOrigin]');
    },
    profileStop: async ({ file }) => {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(file, JSON.stringify(profile));
      await cdp.detach();
      cdp = undefined;
    },
    waitFor: ({ selector, timeout }) => page.waitForSelector(selector, { timeout: timeout ?? 10_000 }).then(() => true),
  };
  const server = createServer(async (req, res) => {
    // The web scenario's suite calls from the workbench's web worker, another origin: allow it (loopback, one run).
    res.setHeader('access-control-allow-origin', '*');
    res.setHeader('access-control-allow-headers', 'content-type');
    if (req.method === 'OPTIONS') return res.end();
    let body = '';
    for await (const chunk of req) body += chunk;
    try {
      const { op, ...args } = JSON.parse(body);
      if (!page) throw new Error('no workbench page yet');
      if (!ops[op]) throw new Error(`unknown probe op ${op}`);
      const value = await ops[op](args);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ value: value ?? null }));
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: String(err?.message ?? err) }));
    }
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}`,
    attach(p) {
      page = p;
    },
    close: () => new Promise((r) => server.close(() => r())),
  };
}
