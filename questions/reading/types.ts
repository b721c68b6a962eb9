/** A reading as the app stores and shows it: plain text only, every sentence addressable. */
export type ReadingSentence = {
  /**
   * `p4.s2`: the second sentence of the fourth paragraph as first parsed; stable for a given
   * text, and kept through edits (a merge may move it into another paragraph).
   */
  id: string;
  text: string;
};

export type ReadingParagraph = {
  /** `p4` */
  id: string;
  text: string;
  sentences: ReadingSentence[];
};

export type ReadingSection = {
  /** `sec2` */
  id: string;
  title: string;
  paragraphIds: string[];
};

export type ParsedReading = {
  title: string;
  author: string | null;
  authorNote: string | null;
  source: string | null;
  /** As the source gives it (e.g. "2018-04-03" or "April 2018"). */
  publishedOn: string | null;
  paragraphs: ReadingParagraph[];
  sections: ReadingSection[];
  wordCount: number;
  readingMinutes: number;
  /**
   * The highest paragraph number, and per paragraph id the highest sentence number, ever issued
   * in this reading, so that an edit never reuses a deleted id (`questions/reading/edit.ts`).
   * Absent on a freshly parsed reading, where the ids present are all there ever were.
   */
  issuedIds?: { paragraph: number; sentence: Record<string, number> };
};
