import { cleanText } from './text'

test.each([
  ['zero-width space between characters', '赌\u200b博', '赌博'],
  ['bidi override', '王\u202e英秀', '王英秀'],
  ['NUL and other control characters', 'a\u0000b\u0007c', 'abc'],
  ['a lone surrogate half', 'x\ud800y\udc00z', 'xyz'],
  ['CRLF becomes a line break; tabs and line breaks stay', '第一行\r\n第二行\t！', '第一行\n第二行\t！'],
  ['emoji (a surrogate pair) stays', '谢谢😀', '谢谢😀'],
])('%s', (_name, input, expected) => {
  expect(cleanText(input)).toBe(expected)
})

test.each([
  ['two high halves before a low one: the first is lone', '\ud83d\ud83d\ude00', '😀'],
  ['a pair followed by a low half: the extra low is lone', '\ud83d\ude00\ude00', '😀'],
  ['a low half first and a high half last', '\ude00a\ud83d', 'a'],
])('surrogates: %s', (_name, input, expected) => {
  expect(cleanText(input)).toBe(expected)
})

test('lone surrogate halves are removed exactly as "not part of a high+low pair", for every short mix', () => {
  // Reference: walk the UTF-16 units; a high half directly followed by a low half is a pair.
  const reference = (text: string) => {
    let out = ''
    for (let i = 0; i < text.length; i++) {
      const unit = text.charCodeAt(i)
      const high = unit >= 0xd800 && unit <= 0xdbff
      const low = unit >= 0xdc00 && unit <= 0xdfff
      const next = text.charCodeAt(i + 1)
      if (high && next >= 0xdc00 && next <= 0xdfff) {
        out += text.slice(i, i + 2)
        i++
      } else if (!high && !low) out += text[i]
    }
    return out
  }
  const units = ['\ud83d', '\ude00', 'a']
  let inputs = ['']
  for (let length = 1; length <= 5; length++) {
    inputs = inputs.flatMap((prefix) => units.map((unit) => prefix + unit))
    for (const input of inputs) expect(cleanText(input)).toBe(reference(input).normalize('NFC'))
  }
})
