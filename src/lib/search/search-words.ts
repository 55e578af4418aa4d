// Words as Pagefind's search reads a query: split at white space, lower-cased, punctuation
// dropped ("X-rays" -> "xrays", "PT/PTT" -> "ptptt"), words of punctuation alone left out.
const PUNCTUATION = /[\p{Pd}\p{Pe}\p{Pf}\p{Pi}\p{Po}\p{Ps}]/gu;

export function searchWords(text: string): string[] {
  return text
    .split(/\s+/)
    .map((w) => w.toLowerCase().replace(PUNCTUATION, ''))
    .filter(Boolean);
}
