import { strToU8, unzipSync, zipSync } from 'fflate';
import type { Question } from '../schema';
import { itemNotes, itemToQuestion, questionToItem } from './qti-items';
import { childrenNamed, el, parseXml, type QtiVersion, serialise, type XmlNode, XmlRefusal } from './qti-xml';
import { type ExportNote, IMPORT_LIMITS, type LineError, type QtiFormat, type ReadQuestion } from './types';

/**
 * A bank as an IMS content package of QTI items: a zip holding `imsmanifest.xml`, one item file
 * per question (`items/item-001.xml`…) and an assessment test that lists them in the bank's order.
 * QTI 3.0 for current players; QTI 2.1, with the resource types Canvas and Blackboard import.
 * Reading a package (either version) is bounded: the zip's size, its number of entries, each
 * entry's and all entries' size once uncompressed and the compression ratio are checked from the
 * zip's directory before anything is inflated, so a zip bomb is refused, not unpacked.
 */

export const QTI_VERSIONS = { qti3: '3.0', qti21: '2.1' } as const satisfies Record<QtiFormat, QtiVersion>;

export const QTI_LIMITS = {
  /** The zip as uploaded (its base64 is sent back on confirmation, under the 3 MB form limit). */
  zipBytes: 1.5 * 1024 * 1024,
  entries: 2 * IMPORT_LIMITS.questions + 50,
  entryBytes: IMPORT_LIMITS.bytes,
  totalBytes: 16 * 1024 * 1024,
  /** Uncompressed to compressed; XML seldom passes 20, a bomb is in the thousands. */
  ratio: 100,
} as const;

const MANIFEST_NS = {
  '3.0': {
    xmlns: 'http://www.imsglobal.org/xsd/qti/qtiv3p0/imscp_v1p1',
    location: 'https://purl.imsglobal.org/spec/qti/v3p0/schema/xsd/imsqtiv3p0_imscpv1p2_v1p0.xsd',
    schema: 'QTI Package',
    version: '3.0.0',
    item: 'imsqti_item_xmlv3p0',
    test: 'imsqti_test_xmlv3p0',
  },
  '2.1': {
    xmlns: 'http://www.imsglobal.org/xsd/imscp_v1p1',
    location: 'http://www.imsglobal.org/xsd/imscp_v1p1.xsd',
    schema: 'QTIv2.1 Package',
    version: '1.0.0',
    item: 'imsqti_item_xmlv2p1',
    test: 'imsqti_test_xmlv2p1',
  },
} as const;

export type PackageExport = {
  bytes: Uint8Array;
  /** Every file of the package, by its path, as text (what the zip holds). */
  files: Record<string, string>;
  exported: number;
  notes: ExportNote[];
};

const TEST_FILE = 'assessment-test.xml';

/** A bank as a QTI package: every question is written, as the closest interaction where needed. */
export function bankToQtiPackage(
  questions: readonly Question[],
  format: QtiFormat,
  { title = 'Question bank', identifier = 'statecraft-bank' }: { title?: string; identifier?: string } = {},
): PackageExport {
  const version = QTI_VERSIONS[format];
  const ns = MANIFEST_NS[version];
  const files: Record<string, string> = {};
  const notes: ExportNote[] = [];
  const items = questions.map((q, i) => {
    const id = `item-${String(i + 1).padStart(3, '0')}`;
    const href = `items/${id}.xml`;
    const { xml, notes: itemNotes } = questionToItem(q, id, version);
    files[href] = xml;
    for (const n of itemNotes) notes.push({ questionId: q.id, type: q.type, ...n });
    return { id, href };
  });
  const testId = `${identifier}-test`.replace(/[^\w.-]/g, '-');
  const test = el(
    'assessmentTest',
    {
      xmlns:
        version === '3.0'
          ? 'http://www.imsglobal.org/xsd/imsqtiasi_v3p0'
          : 'http://www.imsglobal.org/xsd/imsqti_v2p1',
      identifier: testId,
      title,
    },
    [
      el('outcomeDeclaration', { identifier: 'SCORE', cardinality: 'single', baseType: 'float' }),
      el('testPart', { identifier: 'part-1', navigationMode: 'linear', submissionMode: 'individual' }, [
        el(
          'assessmentSection',
          { identifier: 'section-1', title, visible: true },
          items.map((it) => el('assessmentItemRef', { identifier: it.id, href: it.href })),
        ),
      ]),
      el('outcomeProcessing', {}, [
        el('setOutcomeValue', { identifier: 'SCORE' }, [
          el('sum', {}, [el('testVariables', { variableIdentifier: 'SCORE' })]),
        ]),
      ]),
    ],
  );
  files[TEST_FILE] = `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(test, version)}\n`;
  const manifest = el(
    'manifest',
    {
      xmlns: ns.xmlns,
      'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
      'xsi:schemaLocation': `${ns.xmlns} ${ns.location}`,
      identifier: `${testId}-manifest`,
    },
    [
      el('metadata', {}, [el('schema', {}, [ns.schema]), el('schemaversion', {}, [ns.version])]),
      el('organizations'),
      el('resources', {}, [
        ...items.map((it) =>
          el('resource', { identifier: `res-${it.id}`, type: ns.item, href: it.href }, [
            el('file', { href: it.href }),
          ]),
        ),
        el('resource', { identifier: 'res-test', type: ns.test, href: TEST_FILE }, [
          el('file', { href: TEST_FILE }),
          ...items.map((it) => el('dependency', { identifierref: `res-${it.id}` })),
        ]),
      ]),
    ],
  );
  files['imsmanifest.xml'] = `<?xml version="1.0" encoding="UTF-8"?>\n${serialise(manifest, version)}\n`;
  const zipped = zipSync(
    Object.fromEntries(Object.entries(files).map(([path, text]) => [path, strToU8(text)])),
    { level: 6, mtime: new Date('2026-01-01T00:00:00Z') },
  );
  return { bytes: zipped, files, exported: questions.length, notes };
}

/** The notes a package of these questions would have, without making it. */
export function qtiPackageNotes(questions: readonly Question[], format: QtiFormat): ExportNote[] {
  return questions.flatMap((q) =>
    itemNotes(q, QTI_VERSIONS[format]).map((n) => ({ questionId: q.id, type: q.type, ...n })),
  );
}

// ---- Reading ----

/** A package refused as a whole (too large, a zip bomb, not a zip): the message says why. */
export class PackageRefusal extends Error {
  constructor(
    message: string,
    readonly reason: 'too-large' | 'invalid',
  ) {
    super(message);
  }
}

const mb = (bytes: number) => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

/** The zip's XML files, after checking its directory against QTI_LIMITS; nothing else is inflated. */
function unzipBounded(bytes: Uint8Array): { xml: Map<string, Uint8Array>; other: string[] } {
  if (bytes.byteLength > QTI_LIMITS.zipBytes)
    throw new PackageRefusal(
      `The package is larger than ${mb(QTI_LIMITS.zipBytes)}; export fewer questions at a time.`,
      'too-large',
    );
  let entries = 0;
  let total = 0;
  let compressed = 0;
  const other: string[] = [];
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, {
      filter: (file) => {
        entries += 1;
        if (entries > QTI_LIMITS.entries)
          throw new PackageRefusal(
            `The package holds more than ${QTI_LIMITS.entries} files; this is more than a question bank needs.`,
            'too-large',
          );
        if (file.name.endsWith('/')) return false;
        if (!/\.xml$/i.test(file.name)) {
          other.push(file.name);
          return false;
        }
        // A zip's sizes are what it declares, and the unpacker inflates a whole entry whatever its
        // declared size: entries sharing one stream of data, or declaring fewer bytes than their
        // compressed data can hold, would cost hours of CPU from a 1.5 MB upload.
        compressed += file.size;
        if (compressed > bytes.length || file.size > file.originalSize + 1024)
          throw new PackageRefusal(
            'The package declares file sizes it does not hold, as zip bombs do; it is refused.',
            'too-large',
          );
        if (file.originalSize > QTI_LIMITS.entryBytes)
          throw new PackageRefusal(
            `${file.name} is ${mb(file.originalSize)} once unpacked; a file of the package may be ${mb(QTI_LIMITS.entryBytes)} at most.`,
            'too-large',
          );
        total += file.originalSize;
        if (total > QTI_LIMITS.totalBytes)
          throw new PackageRefusal(
            `The package unpacks to more than ${mb(QTI_LIMITS.totalBytes)}; it is refused.`,
            'too-large',
          );
        if (file.originalSize > 64 * 1024 && file.originalSize / Math.max(file.size, 1) > QTI_LIMITS.ratio)
          throw new PackageRefusal(
            `${file.name} is compressed ${Math.round(file.originalSize / Math.max(file.size, 1))} to 1, as zip bombs are; the package is refused.`,
            'too-large',
          );
        return true;
      },
    });
  } catch (error) {
    if (error instanceof PackageRefusal) throw error;
    throw new PackageRefusal('The file is not a zip package, or it is damaged.', 'invalid');
  }
  return { xml: new Map(Object.entries(files)), other };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function decode(bytes: Uint8Array): string {
  try {
    return utf8.decode(bytes);
  } catch {
    throw new XmlRefusal('The file is not UTF-8 text.');
  }
}

const dirOf = (path: string) => (path.includes('/') ? path.slice(0, path.lastIndexOf('/') + 1) : '');

/** `href` of a manifest at `base`, as a path of the zip ("../" and "./" resolved, never above the root). */
function resolve(base: string, href: string): string {
  const parts: string[] = [];
  for (const part of `${base}${decodeURIComponent(href.split(/[?#]/)[0] ?? '')}`.split('/')) {
    if (part === '..') parts.pop();
    else if (part !== '.' && part !== '') parts.push(part);
  }
  return parts.join('/');
}

export type PackageRead = {
  questions: ReadQuestion[];
  errors: LineError[];
  notes: LineError[];
  /** What the manifest said the package is. */
  version: QtiVersion | null;
  /** The title of the package's assessment test (a quiz's name), when it has one. */
  testTitle: string | null;
};

/**
 * Reads a QTI 2.x or 3.0 package into questions, in the manifest's order: each item that cannot
 * become a question, and each file left aside, is reported with its file and why. Throws a
 * PackageRefusal when the package as a whole is refused.
 */
export function readQtiPackage(bytes: Uint8Array): PackageRead {
  const { xml, other } = unzipBounded(bytes);
  const errors: LineError[] = [];
  const notes: LineError[] = [];
  // Each file parsed once, however often the manifest names it (1,000 references to one 2 MB
  // file took minutes).
  const parsedFiles = new Map<string, { root: XmlNode; comments: string[] } | null>();
  const parsed = (path: string) => {
    if (!parsedFiles.has(path)) parsedFiles.set(path, parseOnce(path));
    return parsedFiles.get(path)!;
  };
  const parseOnce = (path: string): { root: XmlNode; comments: string[] } | null => {
    const data = xml.get(path);
    if (!data) {
      errors.push({ line: 0, file: path, message: 'Listed in the manifest but not in the package.' });
      return null;
    }
    try {
      return parseXml(decode(data));
    } catch (error) {
      if (error instanceof XmlRefusal) {
        errors.push({ line: 0, file: path, message: error.message });
        return null;
      }
      throw error;
    }
  };
  const manifestPath = [...xml.keys()]
    .filter((p) => /(^|\/)imsmanifest\.xml$/i.test(p))
    .sort((a, b) => a.length - b.length)[0];
  let itemPaths: string[];
  let version: QtiVersion | null = null;
  let testTitle: string | null = null;
  const used = new Set<string>();
  if (manifestPath) {
    used.add(manifestPath);
    const manifest = parsed(manifestPath);
    if (!manifest)
      throw new PackageRefusal(`${manifestPath} could not be read: ${errors.at(-1)?.message}`, 'invalid');
    const base = dirOf(manifestPath);
    itemPaths = [];
    for (const resource of childrenNamed(manifest.root, 'resource', true)) {
      const type = resource.attrs.type ?? '';
      const href = resource.attrs.href ?? childrenNamed(resource, 'file')[0]?.attrs.href;
      const path = href ? resolve(base, href) : '';
      if (/^imsqti_item_xmlv3p0/.test(type)) version = '3.0';
      else if (/^imsqti_item_xmlv2p[12]/.test(type)) version ??= '2.1';
      if (/^imsqti_item_xml/.test(type) && path) {
        if (!used.has(path)) itemPaths.push(path);
        used.add(path);
      } else if (/^imsqti_(test|assessment)_xml/.test(type) && path) {
        used.add(path);
        testTitle ??= parsed(path)?.root.attrs.title?.trim() || null;
        notes.push({
          line: 0,
          file: path,
          message: 'The assessment test: its items are read from the manifest.',
        });
      } else if (/^imsqti_(xmlv1p2|assessment_xmlv1p2)/.test(type)) {
        if (path) used.add(path);
        errors.push({
          line: 0,
          file: path || resource.attrs.identifier || 'resource',
          message: 'QTI 1.2 (Canvas’s and Blackboard’s older export): export QTI 2.1 or 3.0 instead.',
        });
      } else if (path && xml.has(path)) {
        used.add(path);
        notes.push({
          line: 0,
          file: path,
          message: `A resource of type ${type || 'unknown'}: not a question, left aside.`,
        });
      }
    }
  } else {
    notes.push({
      line: 0,
      file: 'imsmanifest.xml',
      message: 'No manifest: every XML file of the package is tried as an item.',
    });
    itemPaths = [...xml.keys()].sort();
  }
  for (const path of [...xml.keys()].filter((p) => !used.has(p) && manifestPath))
    notes.push({ line: 0, file: path, message: 'Not listed in the manifest: left aside.' });
  for (const path of other)
    notes.push({ line: 0, file: path, message: 'Not an XML file (media, styles): not imported.' });
  if (itemPaths.length > IMPORT_LIMITS.questions)
    throw new PackageRefusal(
      `The package has ${itemPaths.length} items; import at most ${IMPORT_LIMITS.questions} at a time.`,
      'too-large',
    );
  const questions: ReadQuestion[] = [];
  itemPaths.forEach((path, i) => {
    const item = parsed(path);
    if (!item) return;
    if (!manifestPath && item.root.name !== 'assessmentItem') {
      notes.push({ line: 0, file: path, message: `A ${item.root.name} file, not an item: left aside.` });
      return;
    }
    const read = itemToQuestion(item.root, item.comments, i + 1);
    if ('skip' in read) errors.push({ line: i + 1, file: path, message: read.skip });
    else questions.push({ ...read.question, title: read.question.title ?? path });
  });
  return { questions, errors, notes, version, testTitle };
}
