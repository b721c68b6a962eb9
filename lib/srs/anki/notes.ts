import { createHash } from 'node:crypto';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import type { Question } from '@/questions/schema';
import { escapeHtml, normaliseField, textToHtml } from './fields';

/**
 * A student's review cards as Anki notes: one note type with the fields Front, Back, Evidence and
 * Source, one card per note, a deck per reading under "Statecraft". Every id is derived from the
 * card's id in this app, so exporting again gives the same notes, and Anki, which matches imported
 * notes by guid, updates them instead of adding them twice.
 */

/** A review card with what its note shows, as lib/srs/anki-export.ts reads it from the database. */
export type ExportCard = {
  /** review_card.id */
  id: string;
  readingId: string;
  readingSlug: string;
  readingTitle: string;
  /** When what the note shows last changed (Anki updates a note only from a newer one). */
  modifiedAt: Date;
} & (
  | { kind: 'glossary'; term: string; definition: string; sentence: string | null }
  | { kind: 'question'; question: Question; evidence: string[] }
);

export type AnkiNote = {
  id: number;
  guid: string;
  cardId: number;
  deckId: number;
  deckName: string;
  /** Front, Back, Evidence, Source: HTML, normalised as Anki stores them. */
  fields: [string, string, string, string];
  tags: string[];
  /** Seconds since 1970. */
  modified: number;
};

export const NOTETYPE = {
  // A fixed id and date: the note type is the same in every export, so importing again reuses it.
  id: 1_700_000_000_001,
  name: 'Statecraft review',
  modified: 1_767_225_600, // 2026-01-01
  fields: ['Front', 'Back', 'Evidence', 'Source'] as const,
} as const;

export const ROOT_DECK = 'Statecraft';

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * The note's guid: 64 bits of a SHA-256 of the card's id, in base 62 (letters and digits only, so it
 * needs no quoting in the text file).
 */
export function guidFor(cardId: string): string {
  let n = digest(`statecraft:note:${cardId}`).readBigUInt64BE(0);
  let out = '';
  while (n > 0n) {
    out = BASE62[Number(n % 62n)] + out;
    n /= 62n;
  }
  return out || '0';
}

// Anki's ids are creation times in milliseconds, and on import it renumbers any id later than
// tomorrow (rslib/src/dbcheck.rs: maybe_fix_invalid_ids). Derived ids therefore lie in a span of
// the past: from 2001-09-09 (10^12 ms) over 2^39 ms (about 17 years).
const ID_BASE = 1_000_000_000_000;
const ID_SPAN = 2 ** 39;

/** A stable id in Anki's range for one kind of object (note, card, deck) of this app's id. */
export function ankiIdFor(kind: 'note' | 'card' | 'deck', id: string): number {
  return ID_BASE + Number(digest(`statecraft:${kind}:${id}`).readBigUInt64BE(0) % BigInt(ID_SPAN));
}

/** A deck name for a reading: "::" separates levels in Anki, so a title cannot hold it. */
export function deckNameFor(readingTitle: string): string {
  const title = readingTitle.replace(/::+/g, ':').replace(/\s+/g, ' ').trim() || 'Reading';
  return `${ROOT_DECK}::${title}`;
}

const list = (items: string[], ordered: 'A' | '1' | null) =>
  ordered
    ? `<ol type="${ordered}">${items.map((i) => `<li>${textToHtml(i)}</li>`).join('')}</ol>`
    : `<ul>${items.map((i) => `<li>${textToHtml(i)}</li>`).join('')}</ul>`;

const letter = (index: number) => String.fromCharCode(65 + index);
const para = (html: string) => `<p>${html}</p>`;

/**
 * The question as a student sees it in review: choices shuffled by the card's id (the same order in
 * every export), matching and ordering items shuffled as always.
 */
const studentView = (question: Question, seed: string) => toStudentQuestion(question, seed, true);

/** The question's side: its prompt and what the student chooses from. */
function questionFront(question: Question, seed: string): string {
  const view = studentView(question, seed);
  const prompt = para(textToHtml(view.prompt));
  switch (view.type) {
    case 'multiple-choice':
    case 'multiple-answer':
      return (
        prompt +
        list(
          view.options.map((o) => o.text),
          'A',
        )
      );
    case 'true-false':
      // The prompt most often says the statement already ("True or false: …").
      return view.prompt.includes(view.statement)
        ? prompt
        : `${prompt}${para(`<b>${textToHtml(view.statement)}</b>`)}${para('True or false?')}`;
    case 'cloze': {
      const text = textToHtml(view.text).replace(/\{\{(\d+)\}\}/g, (_m, n: string) => `[…${n}]`);
      return (
        prompt + para(text) + (view.wordBank ? para(`Words: ${textToHtml(view.wordBank.join(', '))}`) : '')
      );
    }
    case 'short-answer':
      return prompt;
    case 'matching':
      return `${prompt}${list(
        view.left.map((l) => l.text),
        '1',
      )}${para('with')}${list(
        view.right.map((r) => r.text),
        'A',
      )}`;
    case 'ordering':
      return `${prompt}${para('Put in order:')}${list(
        view.items.map((i) => i.text),
        null,
      )}`;
    case 'select-evidence':
    case 'claim-evidence-reasoning':
      return `${prompt}${para(`Claim: <b>${textToHtml(view.claim)}</b>`)}${list(
        view.options.map((o) => o.text),
        'A',
      )}`;
  }
}

/** The answer's side: the key (for choices, by the letter the front shows), then the explanation. */
function questionBack(question: Question, seed: string): string {
  const view = studentView(question, seed);
  const explanation = para(textToHtml(question.explanation));
  const keyed = (options: { id: string; text: string }[], keys: string[]) =>
    options
      .flatMap((o, i) => (keys.includes(o.id) ? [`${letter(i)}. ${textToHtml(o.text)}`] : []))
      .join('<br>');
  switch (question.type) {
    case 'multiple-choice':
    case 'multiple-answer': {
      const options = view.type === question.type ? view.options : question.options;
      const keys =
        question.type === 'multiple-choice' ? [question.answer.optionId] : question.answer.optionIds;
      const label = question.type === 'multiple-choice' ? 'Answer' : 'Answers';
      return para(`<b>${label}:</b><br>${keyed(options, keys)}`) + explanation;
    }
    case 'true-false':
      return para(`<b>${question.answer.value ? 'True' : 'False'}</b>`) + explanation;
    case 'cloze': {
      const filled = textToHtml(question.text).replace(/\{\{(\d+)\}\}/g, (_m, n: string) => {
        const accepted = question.answer.blanks[Number(n) - 1]?.accepted ?? [];
        return `<b>${textToHtml(accepted.join(' / '))}</b>`;
      });
      return para(filled) + explanation;
    }
    case 'short-answer':
      return (
        para(textToHtml(question.modelAnswer)) +
        para('<b>Key points:</b>') +
        list(
          question.rubric.keyPoints.map((k) => k.text),
          null,
        ) +
        explanation
      );
    case 'matching': {
      const right = new Map(question.right.map((r) => [r.id, r.text]));
      return (
        list(
          question.left.map((l) => `${l.text} → ${right.get(question.answer.pairs[l.id] ?? '') ?? ''}`),
          '1',
        ) + explanation
      );
    }
    case 'ordering': {
      const items = new Map(question.items.map((i) => [i.id, i.text]));
      return (
        list(
          question.answer.order.map((id) => items.get(id) ?? ''),
          '1',
        ) + explanation
      );
    }
    case 'select-evidence':
      return (
        para(`<b>Evidence:</b><br>${keyed(question.options, question.answer.sentenceIds)}`) + explanation
      );
    case 'claim-evidence-reasoning':
      return (
        para(`<b>Evidence:</b><br>${keyed(question.options, question.answer.sentenceIds)}`) +
        para(`<b>Reasoning:</b> ${textToHtml(question.modelAnswer)}`) +
        explanation
      );
  }
}

/** Tags: no spaces inside one (Anki splits on them). */
const tag = (text: string) => text.replace(/\s+/g, '-');

export function cardToNote(card: ExportCard): AnkiNote {
  const [front, back, evidence] =
    card.kind === 'glossary'
      ? [textToHtml(card.term), textToHtml(card.definition), card.sentence ? textToHtml(card.sentence) : '']
      : [
          questionFront(card.question, card.id),
          questionBack(card.question, card.id),
          card.evidence.map((s) => textToHtml(s)).join('<br>'),
        ];
  const source = escapeHtml(card.readingTitle);
  return {
    id: ankiIdFor('note', card.id),
    guid: guidFor(card.id),
    cardId: ankiIdFor('card', card.id),
    deckId: ankiIdFor('deck', card.readingId),
    deckName: deckNameFor(card.readingTitle),
    fields: [front, back, evidence, source].map(normaliseField) as AnkiNote['fields'],
    tags: [
      'statecraft',
      tag(card.readingSlug),
      card.kind === 'glossary' ? 'glossary' : `question::${tag(card.question.type)}`,
    ],
    modified: Math.floor(card.modifiedAt.getTime() / 1000),
  };
}

/**
 * The notes of an export, in a stable order (by deck, then card id), with ids made unique: two
 * cards whose derived ids collide (about one chance in a million for a thousand cards) are told
 * apart by adding one to the later id, the same way every time.
 */
export function cardsToNotes(cards: ExportCard[]): AnkiNote[] {
  const notes = [...cards]
    .sort(
      (a, b) =>
        (a.readingTitle < b.readingTitle ? -1 : a.readingTitle > b.readingTitle ? 1 : 0) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    )
    .map(cardToNote);
  const unique = (key: 'id' | 'cardId') => {
    const used = new Set<number>();
    for (const note of notes) {
      while (used.has(note[key])) note[key] += 1;
      used.add(note[key]);
    }
  };
  unique('id');
  unique('cardId');
  return notes;
}
