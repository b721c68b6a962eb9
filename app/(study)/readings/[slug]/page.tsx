import type { Metadata } from 'next';
import Link from 'next/link';
import { GuidedQuestion } from '@/components/reading/guided-question';
import { ReadingView } from '@/components/reading/reading-view';
import { listGuidedAnswers, listReadingQuestions } from '@/db/queries/questions';
import { getDefaultQuiz } from '@/db/queries/quizzes';
import { getReadingProgress, listGlossary, listHighlights, listNotes } from '@/db/queries/readings';
import { safeReturnPath } from '@/lib/auth/return-path';
import { toStudentQuestion } from '@/lib/quiz/question-view';
import { markGlossaryTerms } from '@/lib/reading/glossary-marks';
import { lockedSectionIds, pickGuidedQuestions } from '@/lib/reading/guided';
import { readingToView } from '@/lib/server/policy';
import { currentUser, grantedOrNotFound, requireUser } from '@/lib/server/session';

export async function generateMetadata({ params }: PageProps<'/readings/[slug]'>): Promise<Metadata> {
  const user = await currentUser();
  const granted = user ? await readingToView(user, { slug: (await params).slug }) : null;
  return { title: granted && 'reading' in granted ? granted.reading.title : 'Reading' };
}

export default async function ReadingPage({ params, searchParams }: PageProps<'/readings/[slug]'>) {
  const { slug } = await params;
  const { evidence, from } = await searchParams;
  // Where "Show in the text" came from (a results page): offered as the way back.
  const backTo = typeof from === 'string' && from.startsWith('/quizzes/') ? safeReturnPath(from, '') : '';
  const user = await requireUser(`/readings/${slug}`);
  const { reading } = await grantedOrNotFound(readingToView(user, { slug }));

  const [glossary, notes, progress, highlights, approved, answers, quiz] = await Promise.all([
    listGlossary({ readingId: reading.id }),
    listNotes({ readingId: reading.id }),
    getReadingProgress({ userId: user.id, readingId: reading.id }),
    listHighlights({ userId: user.id, readingId: reading.id }),
    listReadingQuestions({ readingId: reading.id, statuses: ['approved'] }),
    listGuidedAnswers({ userId: user.id, readingId: reading.id }),
    getDefaultQuiz({ readingId: reading.id }),
  ]);
  const guided = pickGuidedQuestions(
    approved.map((q) => q.data),
    reading,
  );
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
  const segments = markGlossaryTerms(
    new Map(reading.paragraphs.map((p) => [p.id, p.sentences])),
    reading.sections,
    glossary,
  );

  const view = (
    <ReadingView
      reading={{
        slug: reading.slug,
        title: reading.title,
        author: reading.author,
        authorNote: reading.authorNote,
        source: reading.source,
        publishedOn: reading.publishedOn,
        readingMinutes: reading.readingMinutes,
        wordCount: reading.wordCount,
        status: reading.status,
      }}
      paragraphs={reading.paragraphs.map((p) => ({
        id: p.id,
        sentences: p.sentences.map((s) => ({
          id: s.id,
          text: s.text,
          segments: segments.get(s.id) ?? [{ text: s.text }],
        })),
      }))}
      sections={reading.sections}
      glossary={glossary.map((g) => ({ id: g.id, term: g.term, definition: g.definition }))}
      notes={notes.map((n) => ({ id: n.id, paragraphId: n.paragraphId, title: n.title, body: n.body }))}
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
      quizHref={quiz ? `/quizzes/${quiz.id}` : null}
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
