import Link from 'next/link';

/** The heading of a page under a reading's question bank: the way back (reading / bank) and the title. */
export function BankPageHeading({
  reading,
  title,
  children,
}: {
  reading: { id: string; title: string };
  title: string;
  /** What the page is for, under the title. */
  children?: React.ReactNode;
}) {
  return (
    <div className="space-y-1">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        <Link href={`/teach/readings/${reading.id}`} className="underline">
          {reading.title}
        </Link>{' '}
        /{' '}
        <Link href={`/teach/readings/${reading.id}/questions`} className="underline">
          Question bank
        </Link>
      </p>
      <h1 className="font-serif text-3xl font-bold">{title}</h1>
      {children}
    </div>
  );
}
