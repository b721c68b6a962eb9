import { useRef, useState } from 'react';
import { Button } from '@/components/ui/button';
import { sentenceText, type ViewHighlight, type ViewSentence } from '@/lib/reading/view';

export function AnnotationPanel({
  sentence,
  highlight,
  message,
  onSave,
  onRemove,
  onClose,
}: {
  sentence: ViewSentence;
  highlight: ViewHighlight | undefined;
  message: string;
  onSave: (note: string | null) => void;
  onRemove: (highlight: ViewHighlight) => void;
  onClose: () => void;
}) {
  const [note, setNote] = useState(highlight?.note ?? '');
  const noteRef = useRef<HTMLTextAreaElement>(null);
  return (
    <div
      role="dialog"
      aria-modal="false"
      aria-labelledby="annotation-title"
      className="fixed inset-x-0 bottom-0 z-40 border-t border-slate-200 bg-white p-4 shadow-2xl dark:border-slate-700 dark:bg-slate-900 print:hidden"
      onKeyDown={(event) => event.key === 'Escape' && onClose()}
    >
      <form
        className="mx-auto max-w-3xl space-y-3"
        onSubmit={(event) => {
          event.preventDefault();
          onSave(note);
        }}
      >
        <h2 id="annotation-title" className="text-sm font-semibold">
          {highlight ? 'Your highlight' : 'Highlight this sentence'}
        </h2>
        <blockquote className="border-l-4 border-amber-400 pl-3 font-serif text-slate-800 dark:text-slate-200">
          {sentenceText(sentence)}
        </blockquote>
        <label htmlFor="annotation-note" className="block text-sm font-medium">
          Note (optional)
        </label>
        <textarea
          id="annotation-note"
          ref={noteRef}
          // biome-ignore lint/a11y/noAutofocus: the panel opens on the reader's request; focus belongs in it
          autoFocus
          value={note}
          maxLength={2000}
          onChange={(event) => setNote(event.target.value)}
          rows={2}
          className="block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-base dark:border-slate-600 dark:bg-slate-950"
        />
        <div className="flex flex-wrap items-center gap-2">
          <Button type="submit">{highlight ? 'Save note' : 'Highlight'}</Button>
          {highlight && (
            <Button variant="secondary" onClick={() => onRemove(highlight)}>
              Remove highlight
            </Button>
          )}
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <span aria-live="polite" className="text-sm text-slate-600 dark:text-slate-400">
            {message}
          </span>
        </div>
      </form>
    </div>
  );
}
