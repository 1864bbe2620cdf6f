import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { messageOf } from '@/services/service-error'
import { choosePhotos, photoSrc, uploadPhoto } from '@/services/storage'
import './index.scss'

type Props = { value: string[]; onChange(fileIDs: string[]): void; max: number; folder: string }

/** Photos chosen, compressed and uploaded at once; tap one to remove it. */
export function PhotoPicker({ value, onChange, max, folder }: Props) {
  const [uploading, setUploading] = useState(0)
  const add = async () => {
    const paths = await choosePhotos(max - value.length)
    if (paths.length === 0) return
    setUploading(paths.length)
    try {
      const fileIDs: string[] = []
      for (const path of paths) {
        fileIDs.push(await uploadPhoto(path, folder))
        setUploading((n) => n - 1)
      }
      onChange([...value, ...fileIDs])
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
          <Image className='photo-picker__thumb' src={photoSrc(fileID)} mode='aspectFill' />
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
