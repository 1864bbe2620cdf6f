import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import { CloudEnvError, cloudEnvId, weappOutputRoot } from './cloud-env'
import devConfig from './dev'
import prodConfig from './prod'

const platform = process.env.TARO_ENV ?? 'weapp'
// 大字模式 multiplies text and control sizes by one CSS variable (see the plugin); Taro runs it after pxtransform.
const TEXT_SCALE_PLUGIN = './config/postcss-text-scale.js'
// Packages in node_modules that ship syntax past the phone floor (config/platform-floor.js) and so
// go through babel like our own code; scripts/check-weapp.ts finds any new one in the build.
const TRANSPILED_PACKAGES = ['valibot']

export default defineConfig<'webpack5'>(async (merge, { mode }) => {
  let envId: string
  try {
    envId = cloudEnvId({ platform, mode, wxCloudEnv: process.env.WX_CLOUD_ENV })
  } catch (error) {
    if (!(error instanceof CloudEnvError)) throw error
    // One sentence, no stack: the release build stops here, before anything is written.
    console.error(`\n${error.message}\n`)
    process.exit(1)
  }
  const outputRoot = weappOutputRoot({ platform, mode })
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'boai-home',
    date: '2026-11-23',
    // One scale: every value in our styles is a px of the 750-wide design (30px = 15 CSS px on a
    // 375-wide phone; 30rpx on weapp, 0.75rem on H5 with the root at 40px per 750). NutUI's own
    // stylesheets are drawn at 375, so they are converted from 375 and come out the same size; when
    // we theme NutUI through its CSS variables in our files, those values are 750-design px too.
    designWidth(input) {
      const file = typeof input === 'object' && input ? input.file ?? '' : ''
      return file.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // weapp and h5 builds each clean their output root, so they get one each (check builds too).
    outputRoot,
    alias: { '@': path.resolve(__dirname, '..', 'src') },
    defineConstants: {
      CLOUD_ENV_ID: JSON.stringify(envId),
    },
    // Lesson illustrations are referenced from lesson data and the metronome's click from the native
    // component (not imported), so they are copied as files; the click sits in the main package.
    copy: {
      patterns: [
        { from: 'src/packages/lessons/assets/', to: `${outputRoot}/packages/lessons/assets/` },
        { from: 'src/assets/sound/', to: `${outputRoot}/assets/sound/` },
      ],
      options: {},
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      compile: { include: TRANSPILED_PACKAGES.map((name) => path.resolve(__dirname, '..', 'node_modules', name)) },
      // NutUI's per-component styles land in shared chunks in varying order; they do not overlap.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
        [TEXT_SCALE_PLUGIN]: { enable: true },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      // Taro's H5 build leaves node_modules styles out of postcss unless listed here; NutUI's must go
      // through it as on weapp (converted from 375, and scaled by 大字模式).
      esnextModules: ['nutui-react-taro'],
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
        [TEXT_SCALE_PLUGIN]: { enable: true },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        // Sizes are measured and reported by `npm run bench`, not by webpack's generic hint.
        chain.performance.hints(false)
      },
    },
  }
  return merge({}, baseConfig, mode === 'development' ? devConfig : prodConfig)
})
