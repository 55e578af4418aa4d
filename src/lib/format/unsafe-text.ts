// Characters that letter text never needs and that a page or a terminal must not receive raw:
// control characters (C0 and C1: an escape sequence drives a terminal, U+0085 is a line break to
// some readers and nothing to others), the line and paragraph separators, and the bidirectional
// formatting characters (U+202E and its kin), which reorder how the text around them is shown.
// Tab and line ends are ordinary whitespace in a file and are not counted here.

/** One such character (tab, line feed and carriage return excepted). */
export const UNSAFE_CHAR = /(?![\t\n\r])[\p{Cc}\p{Bidi_Control}\u2028\u2029]/u;

/** Every such character, tab and line ends included: what a line printed to a terminal must not hold. */
const TERMINAL_UNSAFE = /[\p{Cc}\p{Bidi_Control}\u2028\u2029]/gu;

/** "U+202E" for a character. */
export function codePoint(char: string): string {
  return `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Text with every control and bidirectional formatting character written as \xNN or \uNNNN. */
export function escapeForTerminal(text: string): string {
  return text.replace(TERMINAL_UNSAFE, (c) => {
    const code = c.codePointAt(0)!;
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
