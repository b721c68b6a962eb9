import type { Metadata } from 'next';
import Link from 'next/link';
import { ReviewSession, type SessionCard } from '@/components/review/review-session';
import { ActionForm } from '@/components/ui/action-form';
import { Field } from '@/components/ui/field';
import { getReadingById } from '@/db/queries/readings';
import { countCardsForExport, reviewToday } from '@/db/queries/review';
import { cardReleasedFlags } from '@/lib/quiz/attempts';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import { sentenceOfTerm } from '@/lib/reading/glossary-marks';
import { setNewGlossaryLimitAction } from '@/lib/server/actions/study';
import { requireUser } from '@/lib/server/session';
import { NEW_GLOSSARY_CARDS_PER_DAY, reviewDay } from '@/lib/srs/daily-limit';

export const metadata: Metadata = { title: 'Review' };

export default async function ReviewPage() {
  const user = await requireUser('/review');
  await cardReleasedFlags({ userId: user.id });
  const window = reviewDay(new Date(), user.timeZone);
  const [{ queue, today, waiting }, cardCount] = await Promise.all([
    reviewToday({ userId: user.id, window, limit: 30 }),
    countCardsForExport({ userId: user.id }),
  ]);
  const readings = new Map<string, Awaited<ReturnType<typeof getReadingById>>>();
  for (const id of new Set(queue.map((c) => c.readingId))) readings.set(id, await getReadingById({ id }));

  const cards = queue.flatMap((card): SessionCard[] => {
    const reading = readings.get(card.readingId);
    if (card.question) {
      return [
        {
          id: card.id,
          kind: 'question',
          readingSlug: reading?.slug ?? '',
          readingTitle: reading?.title ?? '',
          question: toStudentQuestion(card.question, card.id, true),
          freeText:
            card.question.type === 'short-answer' || card.question.type === 'claim-evidence-reasoning',
        },
      ];
    }
    if (card.term) {
      return [
        {
          id: card.id,
          kind: 'glossary',
          readingSlug: reading?.slug ?? '',
          readingTitle: reading?.title ?? '',
          term: card.term.term,
          definition: card.term.definition,
          sentence: reading ? sentenceOfTerm(reading.paragraphs, card.term.term) : null,
        },
      ];
    }
    return [];
  });

  return (
    <div className="max-w-3xl space-y-6">
      <div>
        <h1 className="font-serif text-3xl font-bold">Review</h1>
        <p className="text-slate-600 dark:text-slate-400">
          Questions you missed or flagged, and the glossary terms of your readings, come back just before you
          would forget them.
        </p>
      </div>
      {cards.length === 0 ? (
        <div className="rounded-xl border border-dashed border-slate-300 p-6 dark:border-slate-700">
          <p className="font-semibold">Nothing is due. Well done.</p>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Cards come back on their own. Meanwhile,{' '}
            <Link href="/practice" className="underline">
              practise
            </Link>{' '}
            or{' '}
            <Link href="/readings" className="underline">
              read
            </Link>
            .
          </p>
        </div>
      ) : (
        <ReviewSession cards={cards} />
      )}
      <section
        aria-labelledby="new-cards-heading"
        className="space-y-3 border-t border-slate-200 pt-6 dark:border-slate-700"
      >
        <h2 id="new-cards-heading" className="text-lg font-semibold">
          New glossary cards
        </h2>
        <p className="text-sm text-slate-600 dark:text-slate-400" data-new-cards-today>
          {today.perDay === 0
            ? 'You take no new glossary cards for now.'
            : `Today you have begun ${today.begunToday} of ${today.perDay}.`}
          {waiting > 0 &&
            ` ${waiting} more ${waiting === 1 ? 'waits' : 'wait'} for the days to come, so that new terms do not crowd out the ones you are learning.`}
        </p>
        <ActionForm action={setNewGlossaryLimitAction} submitLabel="Save limit" className="max-w-md">
          <Field
            label="New glossary cards a day"
            name="perDay"
            type="number"
            inputMode="numeric"
            min={NEW_GLOSSARY_CARDS_PER_DAY.min}
            max={NEW_GLOSSARY_CARDS_PER_DAY.max}
            step={1}
            required
            defaultValue={today.perDay}
            hint={`From ${NEW_GLOSSARY_CARDS_PER_DAY.min} to ${NEW_GLOSSARY_CARDS_PER_DAY.max}; the day is counted in your time zone. Cards you have begun, and questions you missed or flagged, come back whatever this says.`}
          />
        </ActionForm>
      </section>
      <section
        aria-labelledby="anki-heading"
        className="space-y-2 border-t border-slate-200 pt-6 dark:border-slate-700"
      >
        <h2 id="anki-heading" className="text-lg font-semibold">
          Take your cards to Anki
        </h2>
        {cardCount === 0 ? (
          <p className="text-sm text-slate-600 dark:text-slate-400">
            You have no cards yet. Open a reading (its glossary becomes cards) or send missed questions to
            review, and they can go to Anki too.
          </p>
        ) : (
          <>
            <p className="text-sm text-slate-600 dark:text-slate-400" data-anki-count>
              All {cardCount} of your {cardCount === 1 ? 'card' : 'cards'}, with the evidence sentence from
              the reading, as new cards in a deck per reading. Import a later download and Anki updates the
              cards it has instead of adding them again.
            </p>
            <ul className="space-y-1 text-sm">
              <li>
                <a href="/api/review/export?format=apkg" download className="font-medium underline">
                  Anki deck (.apkg)
                </a>{' '}
                <span className="text-slate-600 dark:text-slate-400">
                  to open in Anki (File › Import), AnkiDroid or AnkiMobile.
                </span>
              </li>
              <li>
                <a href="/api/review/export?format=txt" download className="font-medium underline">
                  Anki text file (.txt)
                </a>{' '}
                <span className="text-slate-600 dark:text-slate-400">
                  tab-separated, for File › Import once the deck has brought in its note type.
                </span>
              </li>
            </ul>
          </>
        )}
      </section>
    </div>
  );
}
