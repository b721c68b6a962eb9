import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '@/questions/bank';
import { bankToQtiPackage } from '@/questions/formats/qti-package';
import { setUpBrowser } from './browser';

/**
 * Exported QTI 3 items in a published QTI 3 player: Citolab's @citolab/qti-components (its
 * self-contained ESM build, cdn/index.js), loaded by a bare page this test serves. Each item of a
 * bank that holds every question type is transformed and rendered by the player (the prompt and
 * every choice, word, term, item or sentence shown), then answered with its correct response and
 * scored by the player's own response processing: full marks where the item is scored
 * automatically, nothing for an empty answer.
 */

const browser = setUpBrowser();
const bank = loadAuthoredBank('burns-lead-with-diplomacy');
const { files } = bankToQtiPackage(bank, 'qti3');
const PLAYER = readFileSync('node_modules/@citolab/qti-components/cdn/index.js');

const PAGE = `<!doctype html><html><head><meta charset="utf-8"><title>QTI player</title></head>
<body><main id="item"></main>
<script type="module">
  import { qtiTransformItem } from '/player.js';
  window.showItem = async (path) => {
    const xml = await (await fetch(path)).text();
    const main = document.getElementById('item');
    main.innerHTML = qtiTransformItem().parse(xml).html();
    const item = main.querySelector('qti-assessment-item');
    await customElements.whenDefined('qti-assessment-item');
    await item.updateComplete;
    return item.getAttribute('identifier');
  };
  window.scoreWith = (answers) => {
    const item = document.querySelector('qti-assessment-item');
    item.resetResponses();
    for (const [id, value] of Object.entries(answers)) item.updateResponseVariable(id, value);
    item.processResponse();
    return Number(item.getOutcome('SCORE').value);
  };
  window.ready = true;
</script></body></html>`;

let server: Server;
let baseURL = '';
beforeAll(async () => {
  server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname).slice(1);
    if (path === '') return res.writeHead(200, { 'content-type': 'text/html' }).end(PAGE);
    if (path === 'player.js') return res.writeHead(200, { 'content-type': 'text/javascript' }).end(PLAYER);
    const file = files[path];
    if (file) return res.writeHead(200, { 'content-type': 'application/xml' }).end(file);
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** The correct response of each declaration, as the player takes it (a list for several values). */
function correctResponses(xml: string): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const m of xml.matchAll(
    /<qti-response-declaration identifier="([^"]+)" cardinality="([^"]+)"[^>]*>([\s\S]*?)<\/qti-response-declaration>/g,
  )) {
    const [, id, cardinality, inner] = m as unknown as [string, string, string, string];
    const correct = /<qti-correct-response>([\s\S]*?)<\/qti-correct-response>/.exec(inner)?.[1] ?? '';
    const values = [...correct.matchAll(/<qti-value>([^<]*)<\/qti-value>/g)].map((v) => v[1] as string);
    if (values.length) out[id] = cardinality === 'single' ? (values[0] as string) : values;
  }
  return out;
}

/** Texts the student must see: the prompt and what there is to choose from. */
function visibleTexts(q: (typeof bank)[number]): string[] {
  switch (q.type) {
    case 'multiple-choice':
    case 'multiple-answer':
      return [q.prompt, ...q.options.map((o) => o.text)];
    case 'true-false':
      return ['True', 'False'];
    case 'cloze':
      return [q.prompt, ...(q.wordBank ?? [])];
    case 'matching':
      return [q.prompt, ...q.left.map((o) => o.text), ...q.right.map((o) => o.text)];
    case 'ordering':
      return [q.prompt, ...q.items.map((o) => o.text)];
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return [q.prompt, ...q.options.map((o) => o.text)];
    case 'short-answer':
      return [q.prompt];
  }
}

describe('exported QTI 3 items in the Citolab QTI 3 player (Chromium)', () => {
  it('renders every item of a bank with all its types, and scores the correct response as right', async () => {
    const context = await browser.newContext({ baseURL });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto('/');
    await page.waitForFunction(() => (window as unknown as { ready?: boolean }).ready === true);
    const seen = new Set<string>();
    for (const [i, q] of bank.entries()) {
      const path = `items/item-${String(i + 1).padStart(3, '0')}.xml`;
      const xml = files[path] as string;
      const shown = await page.evaluate(
        (p) => (window as unknown as { showItem: (p: string) => Promise<string> }).showItem(p),
        path,
      );
      expect(shown).toBe(`item-${String(i + 1).padStart(3, '0')}`);
      await page.locator('#item qti-assessment-item').waitFor();
      for (const text of visibleTexts(q)) {
        // The player shows text as the item has it; white space may be folded.
        await expect
          // biome-ignore lint/performance/useDomNodeTextContent: what is shown (innerText), not all text.
          .poll(() => page.locator('#item').innerText(), { timeout: 15_000 })
          .toContain(text.replace(/\s+/g, ' ').trim().slice(0, 60));
      }
      const score = (answers: Record<string, string | string[]>) =>
        page.evaluate(
          (a) => (window as unknown as { scoreWith: (a: unknown) => number }).scoreWith(a),
          answers,
        );
      const correct = correctResponses(xml);
      if (q.type === 'short-answer') {
        expect(correct).toEqual({});
      } else {
        const full =
          q.type === 'cloze' && !q.wordBank?.length
            ? q.answer.blanks.length
            : q.type === 'claim-evidence-reasoning'
              ? q.weights.evidence
              : 1;
        expect(await score(correct), `${q.type} ${q.id}`).toBeCloseTo(full, 3);
        expect(await score({}), `${q.type} ${q.id}, no answer`).toBe(0);
        if (q.type === 'multiple-choice') {
          const wrong = q.options.find((o) => o.id !== q.answer.optionId)?.id as string;
          expect(await score({ RESPONSE: wrong }), `${q.id}, a wrong choice`).toBe(0);
        }
      }
      seen.add(q.type);
    }
    expect(seen.size).toBe(9);
    expect(errors).toEqual([]);
    await context.close();
  });
});
