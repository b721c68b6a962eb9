/** A date as the class pages show it (UTC until users and classes have time zones). */
export function formatWhen(d: Date | null): string {
  return d ? `${d.toISOString().slice(0, 16).replace('T', ' ')} UTC` : 'no due date';
}
