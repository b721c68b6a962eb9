import Link from 'next/link';

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-6 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-slate-600 dark:text-slate-400">
        That page does not exist, or you do not have access to it.
      </p>
      <Link
        href="/"
        className="mt-8 inline-block font-semibold text-indigo-700 underline dark:text-indigo-300"
      >
        Go to the start page
      </Link>
    </main>
  );
}
