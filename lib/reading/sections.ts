import type { ReadingParagraph, ReadingSection } from '@/questions/reading/types';

export class SectionLayoutError extends Error {}

/**
 * Checks an edited section layout: every paragraph in exactly one section, in reading order,
 * no empty section, every section titled. Returns the sections with fresh ids (`sec1`…).
 */
export function validateSections(
  paragraphs: Pick<ReadingParagraph, 'id'>[],
  sections: { title: string; paragraphIds: string[] }[],
): ReadingSection[] {
  const order = paragraphs.map((p) => p.id);
  const flat = sections.flatMap((s) => s.paragraphIds);
  if (sections.some((s) => s.paragraphIds.length === 0))
    throw new SectionLayoutError('A section has no paragraphs.');
  if (flat.length !== order.length || flat.some((id, i) => id !== order[i])) {
    throw new SectionLayoutError('Sections must cover every paragraph once, in reading order.');
  }
  return sections.map((s, i) => {
    const title = s.title.replace(/\s+/g, ' ').trim();
    if (!title) throw new SectionLayoutError(`Section ${i + 1} needs a title.`);
    if (title.length > 120)
      throw new SectionLayoutError(`Section ${i + 1}'s title is longer than 120 characters.`);
    return { id: `sec${i + 1}`, title, paragraphIds: s.paragraphIds };
  });
}

/**
 * The section layout after editing one page of paragraphs: on `paragraphIds`, a section starts at
 * each of `breaks` with its title from `titles`; elsewhere the reading's sections stay as they are.
 */
export function sectionsWithBreaks(
  reading: { paragraphs: Pick<ReadingParagraph, 'id'>[]; sections: ReadingSection[] },
  page: { paragraphIds: string[]; breaks: Set<string>; titles: Map<string, string> },
): { title: string; paragraphIds: string[] }[] {
  const onPage = new Set(page.paragraphIds);
  const breaks = new Set<string>();
  const titles = new Map<string, string>();
  for (const section of reading.sections) {
    const first = section.paragraphIds[0];
    if (first && !onPage.has(first)) {
      breaks.add(first);
      titles.set(first, section.title);
    }
  }
  for (const id of page.breaks) if (onPage.has(id)) breaks.add(id);
  for (const [id, title] of page.titles) if (onPage.has(id)) titles.set(id, title);
  return sectionsFromBreaks(reading.paragraphs, breaks, titles);
}

/** The section layout after starting a new section at each of `breaks` (paragraph ids). */
export function sectionsFromBreaks(
  paragraphs: Pick<ReadingParagraph, 'id'>[],
  breaks: Set<string>,
  titles: Map<string, string>,
): { title: string; paragraphIds: string[] }[] {
  const sections: { title: string; paragraphIds: string[] }[] = [];
  paragraphs.forEach((p, i) => {
    if (i === 0 || breaks.has(p.id)) sections.push({ title: titles.get(p.id) ?? '', paragraphIds: [] });
    sections.at(-1)!.paragraphIds.push(p.id);
  });
  return sections;
}

/**
 * How much of a reading the bar says was read: the furthest place, but while guided sections
 * are still closed no more than the open part, so "100 % read" never shows with a section locked
 * (a place saved before the reading turned guided mode on can lie beyond them).
 */
export function readPercent({
  percent,
  sections,
  lockedSectionIds,
}: {
  percent: number;
  sections: ReadingSection[];
  lockedSectionIds: string[];
}): number {
  const firstLocked = sections.findIndex((s) => lockedSectionIds.includes(s.id));
  if (firstLocked === -1) return percent;
  const count = (list: ReadingSection[]) => list.reduce((n, s) => n + s.paragraphIds.length, 0);
  const open = count(sections.slice(0, firstLocked));
  // Below the total whenever a section is closed, so at most 99.
  return Math.min(percent, Math.floor((open / Math.max(1, count(sections))) * 100));
}
