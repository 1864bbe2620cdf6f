import crypto from 'node:crypto'
import { sha256Hex } from './sha256'

const node = (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex')

describe('sha256Hex: FIPS 180-4, the same bytes as node:crypto', () => {
  test('the FIPS 180-4 examples', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(sha256Hex('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855')
  })

  test('Chinese text, emoji and every length around a block boundary agree with node:crypto', () => {
    const texts = ['港越社区博爱互助金', '张** 大病救助 😀', ...Array.from({ length: 130 }, (_unused, n) => 'a'.repeat(n)), '元'.repeat(1000)]
    for (const text of texts) expect(sha256Hex(text)).toBe(node(text))
  })
})
