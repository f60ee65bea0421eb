/**
 * `i18n.getMessage`'s way of filling in a message, for tests that fake the browser: in Node
 * (`locale-messages.ts`) and in the real-browser tier (`tests/browser/fake-browser.ts`), so nothing here
 * may import Node's modules.
 */

export interface LocaleMessage {
  message: string;
  description?: string;
  placeholders?: Record<string, { content: string; example?: string }>;
}

/** `$NAME$` → the placeholder's content (names are case-insensitive), then `$1`…`$9` → substitutions, `$$` → `$`. */
export function formatMessage(entry: LocaleMessage | undefined, substitutions: readonly string[] = []): string {
  if (!entry) return ''; // as Chrome answers for an unknown name
  const contents = new Map(Object.entries(entry.placeholders ?? {}).map(([name, { content }]) => [name.toLowerCase(), content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (_, name: string) => contents.get(name.toLowerCase()) ?? '')
    .replace(/\$(\$|[1-9])/g, (_, which: string) => (which === '$' ? '$' : (substitutions[Number(which) - 1] ?? '')));
}
