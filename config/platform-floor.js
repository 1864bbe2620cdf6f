/**
 * The oldest WeChat the mini-program supports, in one place. babel.config.js transpiles to it,
 * package.json's browserslist and project.config.json's libVersion (the base library DevTools runs)
 * repeat it for other tools (platform-floor.test.ts keeps them equal),
 * scripts/check-weapp.ts checks the build against it, README "Supported phones" explains it.
 */

/**
 * Minimum base library (基础库): the highest minimum of any API the app depends on. Set it in
 * 公众平台 → 设置 → 基本设置 → 基础库最低版本设置; older clients are asked to update WeChat
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/compatibility.html).
 */
const MIN_BASE_LIBRARY = '2.32.3'

/** What sets the minimum, each with the version its WeChat document names ("基础库 x 开始支持"). */
const BASE_LIBRARY_NEEDS = [
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/privacy/wx.onNeedPrivacyAuthorization.html
  { api: 'button open-type="agreePrivacyAuthorization" (privacy consent before location and photos)', since: '2.32.3' },
  // https://developers.weixin.qq.com/miniprogram/dev/component/button.html (chooseAvatar)
  { api: 'button open-type="chooseAvatar"', since: '2.21.2' },
  // https://developers.weixin.qq.com/miniprogram/dev/reference/configuration/app.html#lazyCodeLoading
  { api: 'app.json lazyCodeLoading "requiredComponents"', since: '2.11.1' },
  // https://developers.weixin.qq.com/miniprogram/dev/api/media/video/wx.chooseMedia.html
  { api: 'wx.chooseMedia', since: '2.10.0' },
  // https://developers.weixin.qq.com/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html
  { api: 'wx.requestSubscribeMessage', since: '2.4.4' },
  // https://developers.weixin.qq.com/miniprogram/dev/wxcloud/basis/getting-started.html (云开发)
  { api: 'wx.cloud', since: '2.2.3' },
]

/**
 * The JavaScript engines at that base library, from WeChat's own table of base library → oldest
 * engine (wechat-miniprogram/miniprogram-compat, data/browserslist.json: "2.30.0": ios 13,
 * chrome 86), as "JavaScript 支持情况" points to it
 * (https://developers.weixin.qq.com/miniprogram/dev/framework/runtime/js-support.html). On iOS the
 * logic layer runs in the system JavaScriptCore, so the iOS version decides the syntax.
 */
const ENGINES_AT_FLOOR = ['ios 13', 'chrome 86']

/**
 * What the build is transpiled to: ES2015 syntax and ES2015 regular expressions (no lookbehind,
 * named groups, property escapes or `s` flag), below what the floor's engines need (iOS 13 lacks
 * `?.`, `??` and lookbehind, which came in iOS 13.4 and 16.4), as DESIGN.md §4 asks. iOS 10 and
 * Chrome 53 are the engines of ES2015 without ES2016+ syntax (WeChat's table, "1.0.0"–"2.11.0").
 */
const SCRIPT_ECMA_VERSION = 2015
const BROWSERSLIST = ['ios >= 10', 'chrome >= 53']

/** WXS is its own ES5 subset (https://developers.weixin.qq.com/miniprogram/dev/reference/wxs/). */
const WXS_ECMA_VERSION = 5

module.exports = { MIN_BASE_LIBRARY, BASE_LIBRARY_NEEDS, ENGINES_AT_FLOOR, SCRIPT_ECMA_VERSION, BROWSERSLIST, WXS_ECMA_VERSION }
