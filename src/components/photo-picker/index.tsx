import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { messageOf } from '@/services/service-error'
import './index.scss'

/** A photo taken in: its file ID, and what to show of it right away. */
export type PickedPhoto = { fileID: string; preview: string }

type Props = {
  value: string[]
  onChange(fileIDs: string[]): void
  max: number
  /** Lets the person choose up to `count` photos; their local paths (none when they cancel). */
  onChoose(count: number): Promise<string[]>
  /** Uploads one chosen photo. */
  onUpload(localPath: string): Promise<PickedPhoto>
}

/** Photos chosen, compressed and uploaded at once; tap one to remove it. Choosing and uploading are the page's. */
export function PhotoPicker({ value, onChange, max, onChoose, onUpload }: Props) {
  const [uploading, setUploading] = useState(0)
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const add = async () => {
    try {
      const paths = await onChoose(max - value.length)
      if (paths.length === 0) return
      setUploading(paths.length)
      const picked: PickedPhoto[] = []
      for (const path of paths) {
        picked.push(await onUpload(path))
        setUploading((n) => n - 1)
      }
      setPreviews((known) => ({ ...known, ...Object.fromEntries(picked.map(({ fileID, preview }) => [fileID, preview])) }))
      onChange([...value, ...picked.map(({ fileID }) => fileID)])
    } catch (error) {
      await Taro.showToast({ title: messageOf(error), icon: 'none' })
    } finally {
      setUploading(0)
    }
  }
  return (
    <View className='photo-picker'>
      {value.map((fileID) => (
        <View key={fileID} className='photo-picker__item' onClick={() => onChange(value.filter((id) => id !== fileID))}>
          <Image className='photo-picker__thumb' src={previews[fileID] ?? ''} mode='aspectFill' />
          <Text className='photo-picker__remove'>删除</Text>
        </View>
      ))}
      {value.length < max && (
        <View className='photo-picker__add' onClick={add}>
          {uploading > 0 ? `上传中（还剩${uploading}张）…` : '＋ 添加照片'}
        </View>
      )}
    </View>
  )
}
