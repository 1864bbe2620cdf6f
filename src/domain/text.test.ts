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
