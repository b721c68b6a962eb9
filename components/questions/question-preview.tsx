'use client';

import { useState } from 'react';
import { QuestionInput } from '@/components/questions/question-input';
import { emptyResponse, type StudentQuestion } from '@/lib/quiz/question-view';
import type { Response } from '@/questions/schema';

/**
 * A question exactly as a student sees it before answering (the student's own component), to try
 * out: answers are kept here only, never graded or saved.
 */
export function QuestionPreview({ question }: { question: StudentQuestion }) {
  // Any change to the question (the editor's draft) starts a fresh answer of its shape.
  return <TryOut key={JSON.stringify(question)} question={question} />;
}

function TryOut({ question }: { question: StudentQuestion }) {
  const [response, setResponse] = useState<Response | null>(() => emptyResponse(question));
  return (
    <div data-question-preview={question.type}>
      <QuestionInput question={question} response={response} onChange={setResponse} />
    </div>
  );
}

/** A disclosure that renders the preview only once opened (a bank page shows many questions). */
export function PreviewDisclosure({ question }: { question: StudentQuestion }) {
  const [open, setOpen] = useState(false);
  return (
    <details onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary className="cursor-pointer text-sm font-semibold text-indigo-800 dark:text-indigo-200">
        Preview as a student
      </summary>
      {open && (
        <div className="mt-3 rounded-lg border border-dashed border-slate-300 p-4 dark:border-slate-600">
          <QuestionPreview question={question} />
        </div>
      )}
    </details>
  );
}
