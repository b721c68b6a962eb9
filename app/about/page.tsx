import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'About' };

/** What Statecraft keeps about its users, in plain words. */
export default function AboutPage() {
  return (
    <main id="main" className="mx-auto max-w-2xl space-y-4 px-6 py-16">
      <h1 className="font-serif text-3xl font-bold">About Statecraft</h1>
      <p>
        Statecraft helps students of international relations read arguments closely: readings built from real
        essays, with glossaries, context notes and guided questions, and quizzes whose feedback points back to
        the text.
      </p>
      <h2 className="text-xl font-semibold">What we keep</h2>
      <ul className="list-disc space-y-1 pl-5">
        <li>Your name, email, and a one-way hash of your password (never the password itself).</li>
        <li>Your place in each reading, your highlights and notes, your answers and scores.</li>
        <li>For your instructors: the answers and scores of the classes you join, and nothing else.</li>
      </ul>
      <p>
        <Link href="/" className="font-semibold text-indigo-700 underline dark:text-indigo-300">
          Back to the start
        </Link>
      </p>
    </main>
  );
}
