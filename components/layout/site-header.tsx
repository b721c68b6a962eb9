import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/server/actions/auth';

export function SiteHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <div className="flex min-w-0 max-w-full items-center gap-6">
          <Link href="/home" className="font-serif text-xl font-bold tracking-tight">
            Statecraft
          </Link>
          {/* On a phone the links scroll sideways rather than widen the page. */}
          <nav
            aria-label="Main"
            className="-mx-1 flex min-w-0 gap-1 overflow-x-auto whitespace-nowrap px-1 text-sm"
          >
            {[
              ['/home', 'Home'],
              ['/readings', 'Readings'],
              ['/review', 'Review'],
              ['/practice', 'Practice'],
              ['/progress', 'Progress'],
              ['/classes', 'Classes'],
              ['/teach/readings', 'Teach'],
            ].map(([href, label]) => (
              <Link
                key={href}
                href={href!}
                className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
              >
                {label}
              </Link>
            ))}
          </nav>
        </div>
        <nav aria-label="Account" className="flex items-center gap-2 text-sm">
          <Link
            href="/account"
            className="rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
          >
            <span className="sr-only">Account settings for </span>
            {userName}
          </Link>
          <form action={signOutEverywhereAction}>
            <Button type="submit" variant="secondary">
              Sign out
            </Button>
          </form>
        </nav>
      </div>
    </header>
  );
}
