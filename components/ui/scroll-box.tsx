/**
 * A wide table's box that scrolls sideways on a narrow screen instead of the page. It can take
 * the keyboard's focus (arrow keys scroll it) and is named for screen readers, as a scrollable
 * region must be (axe: scrollable-region-focusable).
 */
export function ScrollBox({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <section
      aria-label={label}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard
      tabIndex={0}
      className="overflow-x-auto focus:outline-2 focus:outline-indigo-600"
    >
      {children}
    </section>
  );
}
