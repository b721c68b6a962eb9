/** The sticky bar above a reading: how far the student has read, and whether their place is saved. */
export function ProgressBar({
  percent,
  moreLocked = false,
  saveState,
  savedPlace,
}: {
  percent: number;
  /** Sections still closed behind a guided question. */
  moreLocked?: boolean;
  saveState: string;
  savedPlace: string | null;
}) {
  return (
    <div className="sticky top-0 z-30 -mx-4 mb-6 bg-slate-50/95 px-4 py-2 backdrop-blur dark:bg-slate-950/95 print:hidden">
      <div className="flex items-center gap-3 text-xs text-slate-600 dark:text-slate-400">
        <div
          role="progressbar"
          aria-label="Reading progress"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-2 flex-1 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800"
        >
          <div
            className="h-full rounded-full bg-indigo-600 transition-[width] dark:bg-indigo-400"
            style={{ width: `${percent}%` }}
          />
        </div>
        <span className="text-right tabular-nums" data-testid="percent-read">
          {percent}% read{moreLocked ? ' · more opens after the guided question' : ''}
        </span>
        <span
          aria-live="polite"
          className="w-24"
          data-testid="place-status"
          data-saved-place={saveState === 'saved' ? savedPlace : undefined}
        >
          {saveState === 'saving'
            ? 'Saving…'
            : saveState === 'saved'
              ? 'Place saved'
              : saveState === 'error'
                ? 'Not saved'
                : ''}
        </span>
      </div>
    </div>
  );
}
