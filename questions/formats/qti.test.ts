import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { loadAuthoredBank } from '../bank';
import { parseReading } from '../reading/parse';
import { QUESTION_TYPES, type Question } from '../schema';
import { bankToQtiPackage, PackageRefusal, QTI_LIMITS, readQtiPackage } from './qti-package';
import { parseXml, XmlRefusal } from './qti-xml';
import { planImport } from './to-bank';
import type { QtiFormat } from './types';

const slug = 'burns-lead-with-diplomacy';
const reading = parseReading({ text: readFileSync(`content/${slug}/essay.txt`, 'utf8'), format: 'text' });
const sentences = reading.paragraphs.flatMap((p) => p.sentences);
const burns = loadAuthoredBank(slug);
const plan = (bytes: Uint8Array) => planImport(readQtiPackage(bytes), { slug, sentences }, 'qti3');

/** What a question is, without what an import gives it anew (its id, draft status, source). */
const essence = (q: Question) => {
  const { id: _id, status: _status, source: _source, quality: _quality, ...rest } = q;
  return rest;
};

describe.each(['qti3', 'qti21'] as const)('%s package', (format: QtiFormat) => {
  const pkg = bankToQtiPackage(burns, format, { title: 'Burns' });

  it('is a zip with imsmanifest.xml, one item per question and a test listing them', () => {
    const names = Object.keys(unzipSync(pkg.bytes)).sort();
    expect(names).toContain('imsmanifest.xml');
    expect(names).toContain('assessment-test.xml');
    expect(names.filter((n) => n.startsWith('items/'))).toHaveLength(burns.length);
    const manifest = pkg.files['imsmanifest.xml'] as string;
    const [item, test] =
      format === 'qti3'
        ? ['imsqti_item_xmlv3p0', 'imsqti_test_xmlv3p0']
        : ['imsqti_item_xmlv2p1', 'imsqti_test_xmlv2p1'];
    expect(manifest.match(new RegExp(`type="${item}"`, 'g'))).toHaveLength(burns.length);
    expect(manifest).toContain(`type="${test}"`);
    const root = format === 'qti3' ? '<qti-assessment-item ' : '<assessmentItem ';
    for (const [path, text] of Object.entries(pkg.files))
      if (path.startsWith('items/')) expect(text).toContain(root);
    // Every type of the app is in the bank, and none is dropped: each is written.
    expect(new Set(burns.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
    expect(pkg.exported).toBe(burns.length);
    expect(pkg.notes.filter((n) => n.kind === 'skipped')).toEqual([]);
  });

  it('uses the standard response processing templates where one fits', () => {
    const items = Object.entries(pkg.files).filter(([p]) => p.startsWith('items/'));
    const withTemplate = (name: string) => items.filter(([, x]) => x.includes(`rptemplates/${name}`)).length;
    const count = (...types: string[]) => burns.filter((q) => types.includes(q.type)).length;
    expect(withTemplate('match_correct')).toBe(count('multiple-choice', 'true-false', 'ordering'));
    // Partial credit: select all that apply, matching, gaps of a word bank, evidence sentences.
    expect(withTemplate('map_response')).toBeGreaterThanOrEqual(
      count('multiple-answer', 'matching', 'select-evidence'),
    );
  });

  it('survives export then import: every question comes back whole', () => {
    const back = plan(pkg.bytes);
    expect(back.errors).toEqual([]);
    expect(back.drafts).toHaveLength(burns.length);
    back.drafts.forEach((d, i) => {
      expect(essence(d.question)).toEqual(essence(burns[i] as Question));
      expect(d.question.status).toBe('draft');
    });
  });

  it('reads the items alone (no Statecraft comment) as the closest question of the app', () => {
    const stripped = zipSync(
      Object.fromEntries(
        Object.entries(pkg.files).map(([p, t]) => [
          p,
          strToU8(t.replace(/<!-- statecraft [\s\S]*? -->\n/, '')),
        ]),
      ),
    );
    const back = plan(stripped);
    expect(back.errors).toEqual([]);
    const types = back.drafts.map((d) => d.question.type);
    // Without the comment the item is all there is: the types still come back, from the interactions.
    expect(types).toEqual(burns.map((q) => q.type));
    const mc = back.drafts.find((d) => d.question.type === 'multiple-choice')?.question;
    const original = burns.find((q) => q.type === 'multiple-choice');
    if (mc?.type !== 'multiple-choice' || original?.type !== 'multiple-choice')
      throw new Error('no multiple choice');
    expect(mc.answer.optionId).toBe(original.answer.optionId);
    expect(mc.explanation).toMatch(/No explanation came with this question \(imported from QTI\)/);
    const short = back.drafts.find((d) => d.question.type === 'short-answer')?.question;
    if (short?.type !== 'short-answer') throw new Error('no short answer');
    expect(short.modelAnswer).toBe(
      (burns.find((q) => q.type === 'short-answer') as typeof short).modelAnswer,
    );
  });
});

// ---- The 1EdTech schemas, through xmllint ----

const SCHEMAS = 'questions/formats/qti-schemas';
const hasXmllint = spawnSync('xmllint', ['--version']).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'qti-xsd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function validate(files: Record<string, string>, schema: string): string {
  const paths = Object.entries(files).map(([name, text]) => {
    const path = join(dir, name.replace(/\//g, '_'));
    writeFileSync(path, text);
    return path;
  });
  const run = spawnSync('xmllint', ['--noout', '--nonet', '--schema', join(SCHEMAS, schema), ...paths], {
    encoding: 'utf8',
  });
  return run.status === 0
    ? 'valid'
    : run.stderr
        .split('\n')
        .filter((l) => !/^warning|parser warning|Skipping the import/.test(l))
        .join('\n');
}

describe.skipIf(!hasXmllint)('the 1EdTech XSDs accept the export (xmllint)', { timeout: 180_000 }, () => {
  const pick = (files: Record<string, string>, test: (path: string) => boolean) =>
    Object.fromEntries(Object.entries(files).filter(([p]) => test(p)));

  it('QTI 3.0: every item and the test against the ASI schema, the manifest against the content-package schema', () => {
    const { files } = bankToQtiPackage(burns, 'qti3');
    expect(
      validate(
        pick(files, (p) => p !== 'imsmanifest.xml'),
        'qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd',
      ),
    ).toBe('valid');
    expect(
      validate(
        pick(files, (p) => p === 'imsmanifest.xml'),
        'qtiv3p0/imsqtiv3p0_imscpv1p2_v1p0.xsd',
      ),
    ).toBe('valid');
  });

  it('QTI 2.1: every item and the test against imsqti_v2p1.xsd, the manifest against imscp_v1p1.xsd', () => {
    const { files } = bankToQtiPackage(burns, 'qti21');
    expect(
      validate(
        pick(files, (p) => p !== 'imsmanifest.xml'),
        'qtiv2p1/imsqti_v2p1.xsd',
      ),
    ).toBe('valid');
    expect(
      validate(
        pick(files, (p) => p === 'imsmanifest.xml'),
        'imscp_v1p1.xsd',
      ),
    ).toBe('valid');
  });

  it('the schema check can fail: an item with an unknown attribute is refused', () => {
    const { files } = bankToQtiPackage(burns.slice(4, 5), 'qti3');
    const broken = {
      'items/item-001.xml': (files['items/item-001.xml'] as string).replace(
        'max-choices="1"',
        'max-choices="one"',
      ),
    };
    expect(validate(broken, 'qtiv3p0/imsqti_asiv3p0_sbacv1p0_v1p0.xsd')).toMatch(/max-choices/);
  });
});

// ---- Hostile packages ----

const refusal = (bytes: Uint8Array) => {
  try {
    readQtiPackage(bytes);
  } catch (error) {
    if (error instanceof PackageRefusal) return { reason: error.reason, message: error.message };
    throw error;
  }
  return null;
};

describe('reading a package safely', { timeout: 120_000 }, () => {
  it('refuses a zip bomb from its directory, before inflating it', () => {
    // 20 MB of zeros compress to about 20 kB.
    const bomb = zipSync({ 'items/bomb.xml': new Uint8Array(20 * 1024 * 1024) }, { level: 9 });
    expect(bomb.byteLength).toBeLessThan(QTI_LIMITS.zipBytes);
    expect(refusal(bomb)).toMatchObject({
      reason: 'too-large',
      message: expect.stringMatching(/unpacked|refused/),
    });
    // Small entries, each under the limits, compressed far beyond any XML's ratio.
    const dense = zipSync({ 'a.xml': new Uint8Array(900 * 1024) }, { level: 9 });
    expect(refusal(dense)).toMatchObject({
      reason: 'too-large',
      message: expect.stringMatching(/compressed \d+ to 1/),
    });
  });

  it('does not trust a directory that lies about sizes: memory stays at what it declares', () => {
    const real = zipSync({ 'items/item.xml': new Uint8Array(8 * 1024 * 1024).fill(32) }, { level: 9 });
    // Rewrite every declared uncompressed size (local headers and directory) to 100 bytes.
    const lying = real.slice();
    const view = new DataView(lying.buffer);
    for (let i = 0; i < lying.length - 4; i++) {
      const sig = view.getUint32(i, true);
      if (sig === 0x04034b50) view.setUint32(i + 22, 100, true);
      if (sig === 0x02014b50) view.setUint32(i + 24, 100, true);
    }
    const before = process.memoryUsage().arrayBuffers;
    const result = (() => {
      try {
        return readQtiPackage(lying);
      } catch (error) {
        return error as Error;
      }
    })();
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(4 * 1024 * 1024);
    if (result instanceof Error) expect(result).toBeInstanceOf(PackageRefusal);
    else expect(result.questions).toEqual([]);
  });

  it('reads an item the manifest names a thousand times once', () => {
    // Each reference parsed the same file again: 1,000 of them to a 2 MB item took minutes.
    const pkg = bankToQtiPackage(burns, 'qti3', { title: 'Burns' });
    const [itemPath, itemText] = Object.entries(pkg.files).find(([path]) => path.startsWith('items/'))!;
    const manifest = (pkg.files['imsmanifest.xml'] as string).replace(
      /<resources>[\s\S]*<\/resources>/,
      `<resources>${`<resource identifier="r" type="imsqti_item_xmlv3p0" href="${itemPath}"/>`.repeat(1000)}</resources>`,
    );
    const read = readQtiPackage(
      zipSync(
        { 'imsmanifest.xml': strToU8(manifest), [itemPath]: strToU8(itemText as string) },
        { level: 0 },
      ),
    );
    expect(read.questions).toHaveLength(1);
  });

  it('refuses too many entries, a file that is not a zip, and a package larger than the limit', () => {
    const many = zipSync(
      Object.fromEntries(
        Array.from({ length: QTI_LIMITS.entries + 1 }, (_, i) => [`f${i}.txt`, strToU8('x')]),
      ),
    );
    expect(refusal(many)).toMatchObject({ reason: 'too-large' });
    expect(refusal(strToU8('::Q:: not a zip {=a ~b}'))).toMatchObject({
      reason: 'invalid',
      message: /not a zip/,
    });
    expect(refusal(new Uint8Array(QTI_LIMITS.zipBytes + 1))).toMatchObject({ reason: 'too-large' });
  });

  it('refuses XML with a DOCTYPE or entities (no DTD, no external entity is read), and says which file', () => {
    const xxe = `<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY secret SYSTEM "file:///etc/passwd">]>\n<assessmentItem identifier="x">&secret;</assessmentItem>`;
    expect(() => parseXml(xxe)).toThrow(XmlRefusal);
    const laughs = `<!DOCTYPE l [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><l>&b;</l>`;
    expect(() => parseXml(laughs)).toThrow(/DOCTYPE/);
    const pkg = bankToQtiPackage(burns.slice(4, 6), 'qti3');
    const files = { ...pkg.files, 'items/item-002.xml': xxe };
    const read = readQtiPackage(
      zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, strToU8(t)]))),
    );
    expect(read.questions).toHaveLength(1);
    expect(read.errors).toEqual([
      {
        line: 0,
        file: 'items/item-002.xml',
        message: expect.stringMatching(/DOCTYPE or entities, which are refused/),
      },
    ]);
    expect(JSON.stringify(read)).not.toContain('root:');
  });

  it('reports each file it leaves aside, and each item it cannot read, with why', () => {
    const pkg = bankToQtiPackage(burns.slice(4, 5), 'qti21');
    const slider = `<?xml version="1.0"?><assessmentItem xmlns="http://www.imsglobal.org/xsd/imsqti_v2p1" identifier="s" title="s" adaptive="false" timeDependent="false"><responseDeclaration identifier="RESPONSE" cardinality="single" baseType="integer"/><itemBody><sliderInteraction responseIdentifier="RESPONSE" lowerBound="0" upperBound="10"/></itemBody></assessmentItem>`;
    const manifest = (pkg.files['imsmanifest.xml'] as string).replace(
      '</resources>',
      '<resource identifier="s" type="imsqti_item_xmlv2p1" href="items/slider.xml"><file href="items/slider.xml"/></resource></resources>',
    );
    const files = {
      ...pkg.files,
      'imsmanifest.xml': manifest,
      'items/slider.xml': slider,
      'images/map.png': '\u0089PNG',
      'stray.xml': '<p>not listed</p>',
      'items/latin1.xml': 'x',
    };
    const zipped = zipSync(Object.fromEntries(Object.entries(files).map(([p, t]) => [p, strToU8(t)])));
    const read = readQtiPackage(zipped);
    expect(read.version).toBe('2.1');
    expect(read.questions).toHaveLength(1);
    expect(read.errors).toEqual([
      { line: 2, file: 'items/slider.xml', message: expect.stringMatching(/sliderInteraction/) },
    ]);
    expect(read.notes.map((n) => n.file)).toEqual(
      expect.arrayContaining(['assessment-test.xml', 'stray.xml', 'items/latin1.xml', 'images/map.png']),
    );
  });

  it('reads a file that is not UTF-8 as an error of that file, not of the package', () => {
    const pkg = bankToQtiPackage(burns.slice(4, 5), 'qti3');
    const bytes = zipSync({
      ...Object.fromEntries(Object.entries(pkg.files).map(([p, t]) => [p, strToU8(t)])),
      'items/item-001.xml': new Uint8Array([0x3c, 0x61, 0x3e, 0xe9, 0xff, 0x3c, 0x2f, 0x61, 0x3e]),
    });
    expect(readQtiPackage(bytes).errors).toEqual([
      { line: 0, file: 'items/item-001.xml', message: 'The file is not UTF-8 text.' },
    ]);
  });
});
