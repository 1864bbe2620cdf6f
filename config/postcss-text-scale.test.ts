import postcss from 'postcss'
import textScale from './postcss-text-scale'

const run = (css: string) => postcss([textScale()]).process(css, { from: undefined }).css

describe('postcss-text-scale (大字模式 at build time)', () => {
  test('text and control sizes are multiplied by --text-scale, in rpx and rem alike', () => {
    expect(run('.a{font-size:30rpx;min-height:88rpx;padding:0 .6rem}')).toBe(
      '.a{font-size:calc(30rpx * var(--text-scale, 1));min-height:calc(88rpx * var(--text-scale, 1));padding:0 calc(.6rem * var(--text-scale, 1))}',
    )
  })

  test("a theme variable is scaled where it is used, when its fallback shows it holds one size", () => {
    expect(run('.b{height:var(--nutui-button-default-height,32px)}')).toBe('.b{height:calc(var(--nutui-button-default-height,32px) * var(--text-scale, 1))}')
    expect(run('.b{line-height:var(--nutui-font-size-base,.7rem)}')).toBe('.b{line-height:calc(var(--nutui-font-size-base,.7rem) * var(--text-scale, 1))}')
  })

  test('leaves alone what must not grow or cannot be multiplied', () => {
    const untouched = [
      '.c{--nutui-button-default-height:96rpx}', // a variable's value: scaled where used instead
      '.c{margin:16rpx;border:2rpx solid #d9d9d9}', // spacing between things and borders
      '.c{width:100%;height:100vh;line-height:1.5}', // relative sizes
      '.c{height:var(--nutui-popup-height,100%)}', // a variable that may hold a percentage
      '.c{padding:var(--nutui-cell-padding,13px 16px)}', // a variable that may hold two values
      '.c{font-size:1.1em}', // already follows its parent
    ]
    for (const css of untouched) expect(run(css)).toBe(css)
  })
})
