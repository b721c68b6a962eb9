import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { GuidedQuestion } from '@/components/reading/guided-question';
import { ReadingView } from '@/components/reading/reading-view';
import { listGuidedAnswers } from '@/db/queries/questions';
import { getReadingProgress, listHighlights } from '@/db/queries/readings';
import { safeReturnPath } from '@/lib/auth/return-path';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import { lockedSectionIds } from '@/lib/reading/guided';
import { readingHeadToView } from '@/lib/server/policy';
import { readingPageShared } from '@/lib/server/reading-page';
import { currentUser, grantedOrNotFound, requireUser } from '@/lib/server/session';

export async function generateMetadata({ params }: PageProps<'/readings/[slug]'>): Promise<Metadata> {
  const user = await currentUser();
  const granted = user ? await readingHeadToView(user, (await params).slug) : null;
  return { title: granted && 'reading' in granted ? granted.reading.title : 'Reading' };
}

/**
 * The text and everything beside it that all students see come from a copy kept while the reading is
 * unchanged (lib/server/reading-page.ts); each request reads the reading's head (access and
 * revision) and the student's own place, highlights and guided answers.
 */
export default async function ReadingPage({ params, searchParams }: PageProps<'/readings/[slug]'>) {
  const { slug } = await params;
  const { evidence, from } = await searchParams;
  // Where "Show in the text" came from (a results page): offered as the way back.
  const backTo = typeof from === 'string' && from.startsWith('/quizzes/') ? safeReturnPath(from, '') : '';
  const user = await requireUser(`/readings/${slug}`);
  const { reading: head } = await grantedOrNotFound(readingHeadToView(user, slug));

  const [shared, progress, highlights, answers] = await Promise.all([
    readingPageShared(head),
    getReadingProgress({ userId: user.id, readingId: head.id }),
    listHighlights({ userId: user.id, readingId: head.id }),
    listGuidedAnswers({ userId: user.id, readingId: head.id }),
  ]);
  // Deleted between the two reads: as if it had never been there.
  if (!shared) notFound();
  const { reading, guided } = shared;
  const answerById = new Map(answers.map((a) => [a.questionId, a]));
  const locked = lockedSectionIds(reading.sections, guided, new Set(answerById.keys()), reading.guidedMode);
  const sentenceIds = new Set(reading.paragraphs.flatMap((p) => p.sentences.map((s) => s.id)));
  const evidenceIds = (typeof evidence === 'string' ? evidence.split(',') : []).filter((id) =>
    sentenceIds.has(id),
  );
  const afterSection = Object.fromEntries(
    reading.sections.map((section) => {
      const sectionQuestions = guided.get(section.id) ?? [];
      if (sectionQuestions.length === 0) return [section.id, null];
      const unanswered = sectionQuestions.some((q) => !answerById.has(q.id));
      return [
        section.id,
        <aside
          key={section.id}
          aria-label={`Check your understanding: ${section.title}`}
          className="mb-6 reading-column space-y-4 rounded-xl bg-indigo-50 p-4 dark:bg-indigo-950/50 print:hidden"
        >
          <h3 className="font-semibold text-indigo-900 dark:text-indigo-100">Check your understanding</h3>
          {sectionQuestions.map((q) => {
            const previous = answerById.get(q.id);
            return (
              <GuidedQuestion
                key={q.id}
                readingSlug={reading.slug}
                question={toStudentQuestion(q, `${user.id}:guided`, true)}
                previous={
                  previous
                    ? {
                        response: previous.lastResponse,
                        attempts: previous.attempts,
                        bestScore: previous.bestScore,
                      }
                    : null
                }
                unlocksMore={reading.guidedMode && unanswered}
              />
            );
          })}
        </aside>,
      ];
    }),
  );
  const view = (
    <ReadingView
      reading={shared.header}
      paragraphs={shared.paragraphs}
      sections={reading.sections}
      glossary={shared.glossary}
      notes={shared.notes}
      initialProgress={
        progress
          ? {
              lastParagraphId: progress.lastParagraphId,
              furthestParagraph: progress.furthestParagraph,
              sectionsRead: progress.sectionsRead,
            }
          : null
      }
      initialHighlights={highlights.map((h) => ({ id: h.id, sentenceId: h.sentenceId, note: h.note }))}
      afterSection={afterSection}
      lockedSections={locked}
      evidence={evidenceIds}
      quizHref={shared.quizId ? `/quizzes/${shared.quizId}` : null}
    />
  );
  if (!backTo || evidenceIds.length === 0) return view;
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={backTo} className="font-semibold text-indigo-800 underline dark:text-indigo-200">
          ← Back to results
        </Link>
      </p>
      {view}
    </>
  );
}
