import Taro from '@tarojs/taro'

/** The type of the CSV exports (UTF-8 with BOM, as Excel reads it). */
export const CSV_TYPE = 'text/csv;charset=utf-8'

/**
 * Gives the person a copy of a text file (my data under PIPL 第四十五条, a CSV export): on H5 the
 * browser downloads it; in WeChat it is written to the mini-program's user folder and offered to
 * send to a chat (`wx.shareFileMessage`, base library 2.16.1), the way WeChat users keep files.
 */
export async function saveTextFile(name: string, text: string, type = 'application/json;charset=utf-8'): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const url = URL.createObjectURL(new Blob([text], { type }))
    const link = document.createElement('a')
    link.href = url
    link.download = name
    document.body.appendChild(link)
    link.click()
    link.remove()
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
    return
  }
  const filePath = `${Taro.env.USER_DATA_PATH}/${name}`
  Taro.getFileSystemManager().writeFileSync(filePath, text, 'utf8')
  await Taro.shareFileMessage({ filePath, fileName: name })
}
