import { cn } from './cn';

/** The one line a form says about its last submission, read out by screen readers. */
export function FormMessage({ tone, children }: { tone: 'error' | 'success'; children?: React.ReactNode }) {
  return (
    <p
      role={tone === 'error' ? 'alert' : 'status'}
      aria-live="polite"
      className={cn(
        'min-h-5 text-sm font-medium',
        tone === 'error' ? 'text-red-700 dark:text-red-300' : 'text-emerald-700 dark:text-emerald-300',
      )}
    >
      {children}
    </p>
  );
}
