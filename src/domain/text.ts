/**
 * Text as people type it, cleaned before it is checked or stored: characters that change how text
 * looks or reads without being visible (zero-width, bidi overrides, control characters) and lone
 * surrogate halves are removed, so `赌\u200b博` is checked as `赌博` and nobody's name can be
 * shown reversed. Line breaks and tabs stay.
 */
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]/g
// A pair is matched whole and kept, so any surrogate matched alone is a lone half. (No lookbehind:
// the mini-program's JavaScript must parse on iOS before 16.4 — config/platform-floor.js.)
const SURROGATE_PAIR_OR_HALF = /[\ud800-\udbff][\udc00-\udfff]|[\ud800-\udfff]/g
const dropLoneHalf = (match: string) => (match.length === 2 ? match : '')

export function cleanText(text: string): string {
  return text.replace(/\r\n?/g, '\n').replace(SURROGATE_PAIR_OR_HALF, dropLoneHalf).replace(INVISIBLE, '').normalize('NFC')
}
