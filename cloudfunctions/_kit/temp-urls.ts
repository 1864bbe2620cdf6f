import { cloud } from './cloud'

/**
 * Lifetime of every temporary link the functions hand out, in seconds: long enough for a person
 * to read a page and for WeChat to fetch a photo for its check (verdict within 30 minutes), and
 * always explicit, because the documented default differs by page: "私有的文件获取的链接十分钟有效期"
 * (https://developers.weixin.qq.com/miniprogram/dev/wxcloudservice/wxcloud/reference-sdk-api/storage/Cloud.getTempFileURL.md)
 * against "maxAge 有效期时长，单位秒，默认86400" and at most one day
 * (https://developers.weixin.qq.com/minigame/dev/wxcloudrun/src/development/storage/h5/gettempurl.html).
 */
export const TEMP_URL_MAX_AGE_S = 2 * 60 * 60

type TempFile = { fileID: string; tempFileURL: string; status: number }

/** A temporary link per file ID (one request; at most 50 per request, as CloudBase allows), by file ID; files that failed are left out. */
export async function temporaryUrls(fileIDs: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(fileIDs)]
  const urls = new Map<string, string>()
  for (let start = 0; start < unique.length; start += 50) {
    const fileList = unique.slice(start, start + 50).map((fileID) => ({ fileID, maxAge: TEMP_URL_MAX_AGE_S }))
    const answer = (await cloud.getTempFileURL({ fileList })) as { fileList: TempFile[] }
    for (const file of answer.fileList) if (file.status === 0 && file.tempFileURL) urls.set(file.fileID, file.tempFileURL)
  }
  return urls
}
