'use client';

import { useEffect, useId, useLayoutEffect, useRef, useState } from 'react';

/**
 * A glossary term in the text: its definition shows on hover, on keyboard focus and on tap,
 * and Escape hides it. The definition is the button's description for screen readers.
 */
export function GlossaryTerm({ text, term, definition }: { text: string; term: string; definition: string }) {
  const [open, setOpen] = useState(false);
  const [pinned, setPinned] = useState(false);
  const tipId = useId();
  const wrapper = useRef<HTMLSpanElement>(null);
  const tip = useRef<HTMLSpanElement>(null);
  const [shift, setShift] = useState(0);

  // Keep the definition on screen: slide it left when it would overflow the right edge.
  useLayoutEffect(() => {
    if (!open || !tip.current) return setShift(0);
    const right = tip.current.getBoundingClientRect().right;
    const limit = document.documentElement.clientWidth - 8;
    setShift((current) => Math.min(0, limit - (right - current)));
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false);
        setPinned(false);
      }
    };
    const onPointer = (event: PointerEvent) => {
      if (!wrapper.current?.contains(event.target as Node)) {
        setOpen(false);
        setPinned(false);
      }
    };
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  return (
    <span ref={wrapper} className="relative inline">
      <button
        type="button"
        data-glossary-term={term}
        aria-describedby={tipId}
        aria-expanded={open}
        onMouseEnter={() => setOpen(true)}
        onMouseLeave={() => !pinned && setOpen(false)}
        onFocus={() => setOpen(true)}
        onBlur={() => !pinned && setOpen(false)}
        onClick={(event) => {
          event.stopPropagation();
          setPinned((p) => !p);
          setOpen(true);
        }}
        className="glossary-term"
      >
        {text}
      </button>
      <span
        id={tipId}
        ref={tip}
        role="tooltip"
        // Hidden, it still describes the button: aria-describedby reads hidden text.
        hidden={!open}
        style={open ? { transform: `translateX(${shift}px)` } : undefined}
        className="glossary-tip"
      >
        <strong className="block font-semibold">{term}</strong>
        {definition}
      </span>
    </span>
  );
}
