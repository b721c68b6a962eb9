/** "1 extra attempt", "2 extra attempts": a count with its noun, in the right number. */
export function plural(count: number, noun: string, pluralNoun = `${noun}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? noun : pluralNoun}`;
}
