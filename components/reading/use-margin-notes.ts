'use client';

import { type RefObject, useLayoutEffect } from 'react';

/** Space between two notes in the margin, in CSS pixels (Tailwind's space-y-3). */
const NOTE_GAP_PX = 12;

/**
 * Context notes sit in the margin beside their paragraph on wide screens. There the aside that
 * holds them takes no height (`xl:h-0`), so a paragraph with long notes leaves no gap after it;
 * this places each paragraph's notes beside it or, when the notes above still hang down that far,
 * just below them, and pads the end of the container when the last notes hang past it. On narrow
 * screens (the aside has a height) the notes stay in the flow under their paragraph and nothing
 * is moved. Places them again whenever the container or a note changes size (fonts, a window
 * resize), and starts over when `layoutKey` changes (notes or sections shown or hidden).
 */
export function useMarginNotes(container: RefObject<HTMLElement | null>, layoutKey: string) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: layoutKey names what adds or removes notes; sizes are watched by the observer.
  useLayoutEffect(() => {
    const root = container.current;
    if (!root) return;
    let padding = 0;
    const place = () => {
      const asides = [...root.querySelectorAll<HTMLElement>('[data-margin-notes]')];
      let bottom = Number.NEGATIVE_INFINITY;
      for (const aside of asides) {
        const stack = aside.firstElementChild as HTMLElement | null;
        if (!stack) continue;
        if (aside.getBoundingClientRect().height > 0) {
          stack.style.transform = '';
          continue;
        }
        const top = aside.getBoundingClientRect().top;
        const shift = Math.max(0, bottom + NOTE_GAP_PX - top);
        stack.style.transform = shift ? `translateY(${shift}px)` : '';
        bottom = top + shift + stack.offsetHeight;
      }
      const end = root.getBoundingClientRect().bottom - padding;
      const needed = Math.max(0, Math.ceil(bottom - end));
      if (needed !== padding) {
        padding = needed;
        root.style.paddingBottom = padding ? `${padding}px` : '';
      }
    };
    place();
    const observer = new ResizeObserver(place);
    observer.observe(root);
    for (const stack of root.querySelectorAll('[data-margin-notes] > *')) observer.observe(stack);
    return () => {
      observer.disconnect();
      root.style.paddingBottom = '';
    };
  }, [container, layoutKey]);
}
