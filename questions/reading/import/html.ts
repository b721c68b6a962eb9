import { type AnyNode, type Element, isTag, isText } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import {
  BlockCollector,
  blocksToMarkdown,
  type ImportLimits,
  ReadingImportError,
  type StatedMetadata,
  squash,
} from './document';

/**
 * A web page, or the HTML mammoth makes of a Word file, as reading Markdown: htmlparser2 (the
 * forgiving parser under cheerio) builds the tree; this walks it. Headings become headings,
 * paragraphs, list items and quotes become paragraphs; scripts, styles, navigation, page
 * headers and footers, sidebars, forms, figures and tables are left out, and so are footnote
 * markers and the footnotes themselves. When the page has a <main> or an <article>, only that
 * is read. Author, date and site from the page's <meta> tags become front matter.
 */
export function htmlToReadingMarkdown(html: string, limits: ImportLimits): string {
  const document = parseDocument(html, { decodeEntities: true });
  const all = descendants(document.children);
  const stated = statedMetadata(all);
  const root = mainContent(all) ?? bodyOf(all);
  const out = new BlockCollector(limits);
  walk(root ? root.children : document.children, out, { inArticle: root !== null && root.name !== 'body' });
  flush(out, { text: '' });
  if (!out.blocks.some((b) => b.kind === 'heading' && b.depth === 1) && stated.pageTitle)
    stated.meta.title = stated.pageTitle;
  if (out.blocks.length === 0) throw new ReadingImportError('No readable text was found in the page.');
  return blocksToMarkdown(out.blocks, stated.meta);
}

/** Elements never read: code, media, forms, and the parts of a page around its text. */
const SKIPPED = new Set([
  'head',
  'script',
  'style',
  'noscript',
  'template',
  'iframe',
  'object',
  'embed',
  'svg',
  'math',
  'canvas',
  'img',
  'picture',
  'video',
  'audio',
  'map',
  'nav',
  'aside',
  'footer',
  'form',
  'button',
  'select',
  'input',
  'textarea',
  'label',
  'dialog',
  'menu',
  'figure',
  'table',
]);
const SKIPPED_ROLES = new Set([
  'navigation',
  'banner',
  'contentinfo',
  'complementary',
  'search',
  'menu',
  'menubar',
  'dialog',
  'alert',
  'doc-endnotes',
  'doc-footnote',
  'doc-noteref',
  'doc-backlink',
]);
/** Class and id words of page furniture and of footnotes, as sites and Word exports name them. */
const FURNITURE =
  /(?:^|[\s_-])(?:footnotes?|endnotes?|fn-?ref|nav|navbar|menu|breadcrumbs?|share|sharing|social|cookies?|newsletter|related|comments?|sidebar|advert|ads|promo|subscribe|byline-tools|skip-link)(?:$|[\s_-])/i;
/** Word footnotes and endnotes through mammoth: `<li id="footnote-1">`, `<a href="#endnote-2">`. */
const NOTE_ID = /^(?:footnote|endnote|fn|en)[-_:]?\d+$|^(?:ftn|edn|sdfootnote|sdendnote)\d+/i;
const BLOCKS = new Set([
  'p',
  'div',
  'section',
  'article',
  'main',
  'header',
  'li',
  'ul',
  'ol',
  'dl',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'address',
  'center',
  'hr',
  'body',
  'html',
  'details',
  'summary',
]);

type Walk = { inArticle: boolean };
type Pending = { text: string };

function walk(nodes: AnyNode[], out: BlockCollector, walkState: Walk, pending: Pending = { text: '' }) {
  for (const node of nodes) {
    if (isText(node)) {
      pending.text += node.data;
      continue;
    }
    if (!isTag(node) || skipped(node, walkState)) continue;
    const name = node.name;
    const heading = /^h([1-6])$/.exec(name);
    if (heading) {
      flush(out, pending);
      out.heading(Number(heading[1]), inlineText(node));
      continue;
    }
    if (name === 'br') {
      pending.text += ' ';
      continue;
    }
    if (BLOCKS.has(name)) {
      flush(out, pending);
      walk(
        node.children,
        out,
        { inArticle: walkState.inArticle || name === 'article' || name === 'main' },
        pending,
      );
      flush(out, pending);
      continue;
    }
    pending.text += inlineText(node);
  }
  return pending;
}

function flush(out: BlockCollector, pending: Pending) {
  out.paragraph(pending.text);
  pending.text = '';
}

/** The text of an inline element (footnote markers and skipped parts left out), on one line. */
function inlineText(node: Element): string {
  let text = '';
  for (const child of node.children) {
    if (isText(child)) text += child.data;
    else if (isTag(child) && !skipped(child, { inArticle: true })) text += inlineText(child);
  }
  return squash(text) === '' ? text.replace(/\s+/g, ' ') : text;
}

function skipped(node: Element, walkState: Walk): boolean {
  const { name, attribs } = node;
  if (SKIPPED.has(name)) return true;
  // A page's own header (logo, menu) goes; an article's header holds its title and byline.
  if (name === 'header' && !walkState.inArticle) return true;
  if ('hidden' in attribs || attribs['aria-hidden'] === 'true') return true;
  if (attribs.role && SKIPPED_ROLES.has(attribs.role.trim().toLowerCase())) return true;
  if (FURNITURE.test(attribs.class ?? '') || FURNITURE.test(attribs.id ?? '')) return true;
  if (attribs.id && NOTE_ID.test(attribs.id) && (name === 'li' || name === 'div' || name === 'p'))
    return true;
  return isNoteMarker(node);
}

/** `<sup><a href="#footnote-1">[1]</a></sup>`, `<a href="#fn3">3</a>`, a bare `<sup>4</sup>`. */
function isNoteMarker(node: Element): boolean {
  if (node.name !== 'sup' && node.name !== 'a') return false;
  const text = squash(textOf(node));
  if (!/^[[(]?(?:\d{1,3}|[a-z]|[ivx]{1,4}|[*†‡§])[\])]?$/i.test(text)) return false;
  if (node.name === 'sup') return true;
  // A link to a place on the same page whose text is a number or a mark: a note's marker.
  return (node.attribs.href ?? '').startsWith('#');
}

function textOf(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isTag(node)) return '';
  return node.children.map(textOf).join('');
}

function descendants(nodes: AnyNode[], into: Element[] = []): Element[] {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    into.push(node);
    descendants(node.children, into);
  }
  return into;
}

/** The page's <main>, else its longest <article>, else null. */
function mainContent(all: Element[]): Element | null {
  const main = all.find((e) => e.name === 'main' || e.attribs.role === 'main');
  if (main) return main;
  const articles = all.filter((e) => e.name === 'article');
  if (articles.length === 0) return null;
  return articles.reduce((best, e) => (textOf(e).length > textOf(best).length ? e : best));
}

function bodyOf(all: Element[]): Element | null {
  return all.find((e) => e.name === 'body') ?? null;
}

function statedMetadata(all: Element[]): { meta: StatedMetadata; pageTitle?: string } {
  const meta: StatedMetadata = {};
  const content = (key: string) => {
    const tag = all.find(
      (e) =>
        e.name === 'meta' && (e.attribs.name ?? e.attribs.property ?? '').toLowerCase() === key.toLowerCase(),
    );
    const value = squash(tag?.attribs.content ?? '');
    return value || undefined;
  };
  const author = content('author') ?? content('article:author') ?? content('dc.creator');
  if (author && !/^https?:/i.test(author) && author.length <= 200) meta.author = author;
  const date = content('article:published_time') ?? content('date') ?? content('dc.date');
  if (date) meta.date = /^\d{4}-\d{2}-\d{2}/.test(date) ? date.slice(0, 10) : date.slice(0, 50);
  const site = content('og:site_name');
  if (site && site.length <= 200) meta.source = site;
  const titleTag = all.find((e) => e.name === 'title');
  const title = content('og:title') ?? (titleTag ? squash(textOf(titleTag)) : undefined);
  return { meta, pageTitle: title ? title.slice(0, 200) : undefined };
}
