/** The values found in pasted text, by label. */
export interface PastedOproxyValues {
  readonly id?: string;
  readonly token?: string;
  readonly key?: string;
}

type Label = keyof PastedOproxyValues;

const LABEL_WORDS: Readonly<Record<string, Label>> = { id: 'id', token: 'token', key: 'key' };

// Shortest plausible value: a prose word after "Token" ("Token and Key") is
// not a credential, while every real ID, Token and Key is longer.
const MIN_VALUE_LENGTH = 8;

function asLabel(word: string): Label | undefined {
  return LABEL_WORDS[word.replace(/=+$/, '').toLowerCase()];
}

/**
 * Finds the ID, Token and Key in text copied from the consent result page.
 *
 * Accepts labels in any order and in any layout — `ID: x`, `ID=x`, `ID x`,
 * the label on its own line with the value below, several on one line —
 * with any extra whitespace. For each label the first plausible value wins;
 * short prose words after a label are passed over.
 */
export function parseOproxyPaste(text: string): PastedOproxyValues {
  // Split "ID:value" and "ID=value" into label and value, then walk the words.
  const words = text
    .split(/\s+/)
    .flatMap((w) => {
      const m = /^(id|token|key)[:=](.+)$/i.exec(w);
      return m ? [m[1] ?? '', m[2] ?? ''] : [w];
    })
    .map((w) => w.replace(/^[:=]+/, '').replace(/[:,;]+$/, ''))
    .filter((w) => w !== '');
  const found: { id?: string; token?: string; key?: string } = {};
  for (let i = 0; i < words.length - 1; i++) {
    const label = asLabel(words[i] ?? '');
    if (label === undefined || found[label] !== undefined) continue;
    const value = words[i + 1] ?? '';
    if (asLabel(value) !== undefined || value.length < MIN_VALUE_LENGTH) continue;
    found[label] = value;
  }
  return found;
}
