import Link from 'next/link';
import { Button } from '@/components/ui/button';
import { signOutEverywhereAction } from '@/lib/server/actions/auth';
import { PhoneMenu } from './phone-menu';

const SECTIONS = [
  ['/home', 'Home'],
  ['/readings', 'Readings'],
  ['/review', 'Review'],
  ['/practice', 'Practice'],
  ['/progress', 'Progress'],
  ['/classes', 'Classes'],
  ['/teach/readings', 'Teach'],
] as const;

const linkClass =
  'rounded-md px-3 py-2 text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800';

function SignOut() {
  return (
    <form action={signOutEverywhereAction}>
      <Button type="submit" variant="secondary">
        Sign out
      </Button>
    </form>
  );
}

/**
 * The site's header: every section in a row on a wide screen; on a phone, one Menu button that
 * opens them all as a list (a native disclosure, so it works before any script has loaded).
 */
export function SiteHeader({ userName }: { userName: string }) {
  return (
    <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900 print:hidden">
      <div className="mx-auto flex max-w-6xl items-center justify-between gap-4 px-4 py-3">
        <div className="flex min-w-0 items-center gap-6">
          <Link href="/home" className="font-serif text-xl font-bold tracking-tight">
            Statecraft
          </Link>
          <nav aria-label="Main" className="hidden gap-1 whitespace-nowrap text-sm lg:flex">
            {SECTIONS.map(([href, label]) => (
              <Link key={href} href={href} className={linkClass}>
                {label}
              </Link>
            ))}
          </nav>
        </div>
        <nav aria-label="Account" className="hidden items-center gap-2 text-sm lg:flex">
          <Link href="/account" className={linkClass}>
            <span className="sr-only">Account settings for </span>
            {userName}
          </Link>
          <SignOut />
        </nav>
        <PhoneMenu>
          <nav
            aria-label="Main"
            className="absolute right-0 z-40 mt-2 flex w-56 flex-col rounded-lg border border-slate-200 bg-white p-2 text-sm shadow-lg dark:border-slate-700 dark:bg-slate-900"
          >
            {SECTIONS.map(([href, label]) => (
              <Link key={href} href={href} className={linkClass}>
                {label}
              </Link>
            ))}
            <hr className="my-2 border-slate-200 dark:border-slate-700" />
            <Link href="/account" className={linkClass}>
              <span className="sr-only">Account settings for </span>
              {userName}
            </Link>
            <div className="px-3 py-2">
              <SignOut />
            </div>
          </nav>
        </PhoneMenu>
      </div>
    </header>
  );
}
