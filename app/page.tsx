import Link from 'next/link';
import { redirect } from 'next/navigation';
import { buttonClasses } from '@/components/ui/button';
import { currentUser } from '@/lib/server/session';

export default async function LandingPage() {
  if (await currentUser()) redirect('/home');
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-3xl flex-col justify-center px-6 py-16">
      <p className="text-sm font-semibold uppercase tracking-widest text-indigo-700 dark:text-indigo-300">
        Statecraft
      </p>
      <h1 className="mt-3 font-serif text-4xl font-bold leading-tight sm:text-5xl">
        Read the argument closely. Then prove you understood it.
      </h1>
      <p className="mt-6 max-w-2xl text-lg text-slate-700 dark:text-slate-300">
        Readings from real essays on international relations, with glossaries, context notes and guided
        questions; quizzes graded with feedback that points back to the text; and class dashboards for
        instructors.
      </p>
      <div className="mt-10 flex flex-wrap gap-3">
        <Link href="/sign-up" className={buttonClasses('primary')}>
          Create an account
        </Link>
        <Link href="/sign-in" className={buttonClasses('secondary')}>
          Sign in
        </Link>
      </div>
    </main>
  );
}
