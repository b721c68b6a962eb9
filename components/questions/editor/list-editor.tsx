'use client';

import { fieldId, Group, RowButtons, smallButtonClass, TextField, useFocusLater } from './fields';

/**
 * A list of short texts (accepted answers, other wordings, words of a word bank, concepts): one
 * labelled input per item, a remove button each, and an add button that puts the cursor in the
 * new item. `path` is the list's path in the question format; item i is `${path}.${i}`.
 */
export function ListEditor({
  path,
  legend,
  hint,
  items,
  onChange,
  itemLabel,
  addLabel,
  max = 12,
  maxLength = 200,
  list,
  wrap,
}: {
  path: string;
  legend: string;
  hint?: string;
  items: string[];
  onChange: (items: string[]) => void;
  /** "Accepted answer 2": what a screen reader hears for item i. */
  itemLabel: (index: number) => string;
  addLabel: string;
  max?: number;
  maxLength?: number;
  /** A datalist of suggestions (concepts used elsewhere in the bank). */
  list?: string;
  /** Items are sentences (other wordings of a key point): fields that wrap and grow. */
  wrap?: boolean;
}) {
  const focusLater = useFocusLater();
  const addId = `${fieldId(path)}-add`;
  return (
    <Group
      path={path}
      legend={legend}
      hint={hint}
      className="border-l-2 border-slate-200 pl-3 dark:border-slate-700"
    >
      {items.length > 0 && (
        <ul className="space-y-2">
          {items.map((item, index) => (
            // Items have no ids of their own; position is what names them here.
            // biome-ignore lint/suspicious/noArrayIndexKey: the list is edited in place, never reordered
            <li key={index} className="flex items-end gap-2">
              <TextField
                path={`${path}.${index}`}
                label={itemLabel(index)}
                hideLabel
                value={item}
                maxLength={maxLength}
                list={list}
                wrap={wrap}
                onChange={(value) => onChange(items.map((old, i) => (i === index ? value : old)))}
                className="flex-1"
              />
              <RowButtons
                idBase={`${fieldId(path)}-${index}`}
                name={itemLabel(index).toLowerCase()}
                index={index}
                count={items.length}
                onRemove={() => {
                  onChange(items.filter((_, i) => i !== index));
                  focusLater(fieldId(`${path}.${index}`), fieldId(`${path}.${index - 1}`), addId);
                }}
              />
            </li>
          ))}
        </ul>
      )}
      <button
        id={addId}
        type="button"
        className={smallButtonClass}
        disabled={items.length >= max}
        onClick={() => {
          onChange([...items, '']);
          focusLater(fieldId(`${path}.${items.length}`));
        }}
      >
        {addLabel}
      </button>
    </Group>
  );
}
