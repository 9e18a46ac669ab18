/** "a", "a and b", "a, b and c" (or "a, b or c"): how a report writes a list in a sentence. */
export function listWords(values: readonly string[], conjunction: 'and' | 'or' = 'and'): string {
  return values.length <= 1
    ? (values[0] ?? '')
    : `${values.slice(0, -1).join(', ')} ${conjunction} ${values[values.length - 1]!}`;
}
