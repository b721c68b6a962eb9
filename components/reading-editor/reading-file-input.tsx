'use client';

import { useState } from 'react';

/**
 * The new-reading form's file field. A file over the size limit is refused here, at once and in
 * words, rather than sent: the server would refuse it too (413), after the whole upload.
 */
export function ReadingFileInput({ maxBytes, className }: { maxBytes: number; className?: string }) {
  const [problem, setProblem] = useState<string | null>(null);
  const limit = `${Math.round(maxBytes / 1024 / 1024)} MB`;
  return (
    <div className="space-y-1">
      <label htmlFor="reading-file" className="block text-sm font-medium text-slate-800 dark:text-slate-200">
        Or upload a file: PDF, Word (.docx), web page (.html), or text (.txt, .md), up to {limit}
      </label>
      <input
        id="reading-file"
        name="file"
        type="file"
        accept=".pdf,.docx,.html,.htm,.txt,.md,.markdown,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/html,text/plain,text/markdown"
        aria-describedby="reading-file-problem"
        className={className}
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          if (file && file.size > maxBytes) {
            setProblem(
              `“${file.name}” is larger than ${limit}. Upload the part you assign, or export it without images.`,
            );
            event.currentTarget.value = '';
          } else setProblem(null);
        }}
      />
      <p
        id="reading-file-problem"
        role="alert"
        aria-live="polite"
        className="min-h-5 text-sm text-red-700 dark:text-red-300"
      >
        {problem}
      </p>
    </div>
  );
}
