/// <reference types="@tarojs/taro" />

declare module '*.png'
declare module '*.svg'
declare module '*.scss'

declare namespace NodeJS {
  interface ProcessEnv {
    TARO_ENV: 'weapp' | 'h5' | string
  }
}

/** Native components used from Taro pages (weapp only). */
declare namespace JSX {
  interface IntrinsicElements {
    'cpr-metronome': { rate?: number; breaths?: boolean }
  }
}
