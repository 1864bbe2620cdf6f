import type { PluginCreator } from 'postcss'

declare const textScale: PluginCreator<Record<string, never>>
export default textScale
