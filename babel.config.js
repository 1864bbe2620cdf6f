const { BROWSERSLIST } = require('./config/platform-floor')

// Taro's preset, transpiling to the oldest phones the app supports (config/platform-floor.js), plus
// on-demand NutUI imports: each component pulls in only its own JS and CSS (the whole stylesheet
// would add ~290 KB to app.wxss).
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5', targets: BROWSERSLIST }]],
  plugins: [
    [
      'import',
      {
        libraryName: '@nutui/nutui-react-taro',
        libraryDirectory: 'dist/es/packages',
        camel2DashComponentName: false,
        customName: (name) => `@nutui/nutui-react-taro/dist/es/packages/${name.toLowerCase()}`,
        style: (name) => `${name}/style/css`,
      },
      'nutui-react-taro',
    ],
  ],
}
