import Taro from '@tarojs/taro'

/** Hands the CSV to the person: a download on H5, a file to forward in WeChat on the phone. */
export async function saveCsv(filename: string, csv: string): Promise<void> {
  if (process.env.TARO_ENV === 'weapp') {
    const filePath = `${Taro.env.USER_DATA_PATH}/${filename}`
    Taro.getFileSystemManager().writeFileSync(filePath, csv, 'utf8')
    await Taro.shareFileMessage({ filePath, fileName: filename })
    return
  }
  const link = document.createElement('a')
  link.href = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }))
  link.download = filename
  link.click()
  URL.revokeObjectURL(link.href)
}
