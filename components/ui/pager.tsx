import Link from 'next/link';

/**
 * Previous / Page x of y / Next, for a list shown a page at a time. Links, so every page has an
 * address and works without JavaScript; at either end the word stays, as text, where the link was.
 */
export function Pager({
  page,
  pageCount,
  href,
  label,
}: {
  page: number;
  pageCount: number;
  /** The address of a page, with the list's other settings (filters, order) kept. */
  href: (page: number) => string;
  /** What is paged, for the navigation landmark ("Question pages"). */
  label: string;
}) {
  const end = 'text-slate-600 dark:text-slate-400';
  return (
    <nav aria-label={label} className="text-sm">
      <ul className="flex flex-wrap items-center gap-4">
        <li>
          {page > 1 ? (
            <Link href={href(page - 1)} rel="prev" className="font-medium underline">
              Previous
            </Link>
          ) : (
            <span className={end}>Previous</span>
          )}
        </li>
        <li aria-current="page" data-page={page}>
          Page {page} of {pageCount}
        </li>
        <li>
          {page < pageCount ? (
            <Link href={href(page + 1)} rel="next" className="font-medium underline">
              Next
            </Link>
          ) : (
            <span className={end}>Next</span>
          )}
        </li>
      </ul>
    </nav>
  );
}
