import { cn } from '@/components/ui/cn';
import type { ReadingSection } from '@/lib/reading/view';

export function ReadingOutline({
  sections,
  sectionsRead,
  lockedSections,
  currentParagraphId,
}: {
  sections: ReadingSection[];
  sectionsRead: string[];
  lockedSections: string[];
  currentParagraphId: string;
}) {
  const links = (
    <ol className="space-y-1 text-sm">
      {sections.map((section, index) => {
        const current = section.paragraphIds.includes(currentParagraphId);
        const read = sectionsRead.includes(section.id);
        const locked = lockedSections.includes(section.id);
        return (
          <li key={section.id}>
            {locked ? (
              <span className="flex gap-2 rounded px-2 py-1 text-slate-500 dark:text-slate-400">
                <span aria-hidden="true">🔒</span>
                <span>
                  {index + 1}. {section.title}
                  <span className="sr-only"> (opens after the guided question)</span>
                </span>
              </span>
            ) : (
              <a
                href={`#${section.id}-title`}
                aria-current={current ? 'location' : undefined}
                className={cn(
                  'flex gap-2 rounded px-2 py-1 hover:bg-slate-100 dark:hover:bg-slate-800',
                  current &&
                    'bg-indigo-50 font-semibold text-indigo-900 dark:bg-indigo-950 dark:text-indigo-100',
                )}
              >
                <span aria-hidden="true" className="w-4 shrink-0 text-emerald-700 dark:text-emerald-300">
                  {read ? '✓' : ''}
                </span>
                <span>
                  {index + 1}. {section.title}
                  {read && <span className="sr-only"> (read)</span>}
                </span>
              </a>
            )}
          </li>
        );
      })}
    </ol>
  );
  return (
    <nav aria-label="Sections" className="print:hidden">
      <details className="rounded-lg border border-slate-200 p-3 lg:hidden dark:border-slate-700">
        <summary className="cursor-pointer font-semibold">Sections</summary>
        <div className="mt-2">{links}</div>
      </details>
      <div className="sticky top-14 hidden lg:block">
        <h2 className="mb-2 px-2 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          Sections
        </h2>
        {links}
      </div>
    </nav>
  );
}
