import { XMLParser, XMLValidator } from 'fast-xml-parser';

/**
 * The XML under the QTI packages: one element tree for both versions, written with QTI 2.1's
 * names (`choiceInteraction`, `responseIdentifier`) and turned into QTI 3.0's (`qti-choice-interaction`,
 * `response-identifier`) when serialised; and a safe reader that parses either into the same tree.
 */

export type QtiVersion = '3.0' | '2.1';

export type XmlNode = { name: string; attrs: Record<string, string>; children: (XmlNode | string)[] };

/** An element; attributes left undefined are not written. */
export function el(
  name: string,
  attrs: Record<string, string | number | boolean | undefined> = {},
  children: (XmlNode | string | null | false | undefined)[] = [],
): XmlNode {
  const kept: Record<string, string> = {};
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined) kept[k] = String(v);
  return {
    name,
    attrs: kept,
    children: children.filter((c): c is XmlNode | string => c !== null && c !== false && c !== undefined),
  };
}

/** The XHTML elements of an item body: the same name in both versions. */
const HTML = new Set([
  'p',
  'div',
  'span',
  'ul',
  'ol',
  'li',
  'strong',
  'em',
  'b',
  'i',
  'br',
  'blockquote',
  'h2',
  'h3',
  'table',
  'tr',
  'td',
  'th',
  'sub',
  'sup',
  'code',
  'pre',
]);
/** Elements of the content package and of this app's own wrappers, written as they are. */
const KEEP = new Set([
  'manifest',
  'metadata',
  'schema',
  'schemaversion',
  'organizations',
  'resources',
  'resource',
  'file',
  'dependency',
]);

const kebab = (name: string) => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
const camel = (name: string) => name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());

export function escapeXml(text: string): string {
  return (
    text
      .replace(/&/g, '&amp;')
      .replace(/</g, '&lt;')
      .replace(/>/g, '&gt;')
      .replace(/"/g, '&quot;')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: XML 1.0 cannot hold these characters at all.
      .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/g, '')
  );
}

/**
 * A comment: "--" may not appear inside one, so JSON written into it has each "-" after a "-"
 * as `\u002d` (JSON reads it back as the same character).
 */
export function jsonComment(label: string, value: unknown): string {
  return `<!-- ${label} ${JSON.stringify(value)
    .replace(/-(?=-)/g, '\\u002d')
    .replace(/-$/, '\\u002d')} -->`;
}

/** Serialises a tree with the element and attribute names of `version` (2.1 names in, either out). */
export function serialise(node: XmlNode, version: QtiVersion, indent = ''): string {
  // In QTI 3 a rubric block's content sits in qti-content-body; in 2.1 it is the block's content.
  const children = node.children.flatMap((c) =>
    typeof c !== 'string' && c.name === 'contentBody' && version === '2.1' ? c.children : [c],
  );
  const name = nameIn(node.name, version);
  const attrs = Object.entries(node.attrs)
    // A rubric block's `use` is QTI 3's (required there); 2.1 has none.
    .filter(([k]) => !(version === '2.1' && node.name === 'rubricBlock' && k === 'use'))
    .map(([k, v]) => ` ${version === '3.0' && !k.includes(':') ? kebab(k) : k}="${escapeXml(v)}"`)
    .join('');
  if (children.length === 0) return `${indent}<${name}${attrs}/>`;
  // Mixed content (text beside elements) is written on one line, so no white space is added to it.
  if (children.some((c) => typeof c === 'string') || HTML.has(node.name)) {
    const inner = children
      .map((c) => (typeof c === 'string' ? escapeXml(c) : serialise(c, version)))
      .join('');
    return `${indent}<${name}${attrs}>${inner}</${name}>`;
  }
  const inner = children.map((c) => serialise(c as XmlNode, version, `${indent}  `)).join('\n');
  return `${indent}<${name}${attrs}>\n${inner}\n${indent}</${name}>`;
}

function nameIn(name: string, version: QtiVersion): string {
  if (version === '2.1' || HTML.has(name) || KEEP.has(name) || name.includes(':')) return name;
  return `qti-${kebab(name)}`;
}

// ---- Reading ----

/** Why a file could not be read, said to the instructor. */
export class XmlRefusal extends Error {}

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  removeNSPrefix: true,
  trimValues: false,
  parseTagValue: false,
  parseAttributeValue: false,
  commentPropName: '#comment',
  // Only XML's five entities: a DOCTYPE is refused before parsing, so none can be declared.
  processEntities: true,
  htmlEntities: false,
});

type Ordered = Record<string, unknown>;

/**
 * Parses a QTI or manifest file into the tree, names in QTI 2.1's form whichever version wrote
 * it (`qti-simple-choice` → `simpleChoice`, `response-identifier` → `responseIdentifier`).
 * A DOCTYPE is refused (no DTD, no entity of any kind, internal or external, is read), and so is
 * XML that is not well formed; the refusal says why.
 */
export function parseXml(text: string): { root: XmlNode; comments: string[] } {
  const body = text.replace(/^\uFEFF/, '');
  if (/<!DOCTYPE|<!ENTITY/i.test(body))
    throw new XmlRefusal(
      'It declares a DOCTYPE or entities, which are refused (no DTDs or external entities are read).',
    );
  const valid = XMLValidator.validate(body);
  if (valid !== true) throw new XmlRefusal(`Not well-formed XML (line ${valid.err.line}: ${valid.err.msg}).`);
  const comments: string[] = [];
  const nodes = parser.parse(body) as Ordered[];
  const roots = nodes
    .map((n) => toNode(n, comments))
    .filter((n): n is XmlNode => typeof n !== 'string' && n !== null);
  const root = roots[0];
  if (!root) throw new XmlRefusal('The file holds no XML element.');
  return { root, comments };
}

function toNode(raw: Ordered, comments: string[]): XmlNode | string | null {
  const key = Object.keys(raw).find((k) => k !== ':@');
  if (!key || key === '?xml') return null;
  if (key === '#text') return String(raw[key]);
  if (key === '#comment') {
    const parts = raw[key] as Ordered[];
    comments.push(parts.map((p) => String(p['#text'] ?? '')).join(''));
    return null;
  }
  const attrs: Record<string, string> = {};
  for (const [k, v] of Object.entries((raw[':@'] as Record<string, unknown> | undefined) ?? {}))
    attrs[k.startsWith('xml') || k.startsWith('xmlns') ? k : camel(k)] = String(v);
  const children = ((raw[key] as Ordered[] | undefined) ?? [])
    .map((c) => toNode(c, comments))
    .filter((c): c is XmlNode | string => c !== null);
  const name = key.startsWith('qti-') ? camel(key.slice(4)) : key;
  return { name, attrs, children };
}

/** The element children of a node called `name` (any depth when `deep`). */
export function childrenNamed(node: XmlNode, name: string, deep = false): XmlNode[] {
  const out: XmlNode[] = [];
  for (const c of node.children) {
    if (typeof c === 'string') continue;
    if (c.name === name) out.push(c);
    if (deep) out.push(...childrenNamed(c, name, true));
  }
  return out;
}

export const firstNamed = (node: XmlNode, name: string, deep = false) => childrenNamed(node, name, deep)[0];

/** The text of a node, its elements' text included, white space folded. */
export function textOf(node: XmlNode | string, skip: ReadonlySet<string> = new Set()): string {
  if (typeof node === 'string') return node;
  if (skip.has(node.name)) return '';
  const inner = node.children.map((c) => textOf(c, skip)).join(node.name === 'br' ? '\n' : '');
  return HTML.has(node.name) && ['p', 'div', 'li', 'blockquote'].includes(node.name) ? ` ${inner} ` : inner;
}

export const folded = (text: string) => text.replace(/\s+/g, ' ').trim();
