import Taro from '@tarojs/taro'
import type { ImportApi } from '@/domain/import/contract'
import type { ImportKind } from '@/domain/import/kinds'
import { createClient } from './cloud-client'
import { currentDevOpenid } from './dev-identity'
import { NETWORK_MESSAGE, ServiceError } from './service-error'
import { opening } from './session'

const client = createClient<ImportApi>('import')

/** A spreadsheet the staff member picked: a chat file's temp path on WeChat, the browser's File on H5. */
export type PickedSheet = { name: string; size: number; source: string | Blob }

/** The bound the function and the upload endpoint share (cloudfunctions/import/sheet.ts). */
export const MAX_SHEET_BYTES = 5 * 1024 * 1024

const extensionOf = (name: string) => name.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1] ?? ''

/** H5: the browser's own file dialog, opened from the tap, answered when a file is chosen (null when closed). */
function chooseInBrowser(): Promise<PickedSheet | null> {
  return new Promise((resolve) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.accept = '.xlsx,.csv'
    input.setAttribute('data-testid', 'sheet-input')
    input.style.display = 'none'
    input.addEventListener('change', () => {
      const file = input.files?.[0]
      input.remove()
      resolve(file ? { name: file.name, size: file.size, source: file } : null)
    })
    input.addEventListener('cancel', () => (input.remove(), resolve(null)))
    document.body.appendChild(input)
    input.click()
  })
}

export const importService = {
  template: (kind: ImportKind) => client('template', { kind }),
  /** `fileName` is only a label: a long one keeps its end (with the extension). */
  preview: (fileID: string, fileName: string, kind: ImportKind, communityId: string) => client('preview', { fileID, fileName: fileName.slice(-100), kind, communityId }),
  commit: (importId: string) => client('commit', { importId }),
  undo: (importId: string) => client('undo', { importId }),
  list: (page: number) => client('list', { page, pageSize: 20 }),
  matches: () => client('matches', {}),
  confirmMatch: (personId: string, candidateId: string) => client('confirmMatch', { personId, candidateId }),

  /** Staff receive these files in WeChat chats: on WeChat the pick starts there (`wx.chooseMessageFile`); on H5 a file input. */
  async pickSpreadsheet(): Promise<PickedSheet | null> {
    if (process.env.TARO_ENV !== 'weapp') return chooseInBrowser()
    try {
      const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'file', extension: ['xlsx', 'csv'] })
      const file = tempFiles[0]
      return file ? { name: file.name, size: file.size, source: file.path } : null
    } catch {
      return null
    }
  },

  /** Into the staff member's own folder, where the function reads it from. */
  async uploadSpreadsheet(sheet: PickedSheet): Promise<string> {
    const ext = extensionOf(sheet.name)
    const cloudPath = `imports/${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}.${ext}`
    try {
      if (process.env.TARO_ENV === 'weapp') {
        const { uploadFolder } = (await opening()).me
        const { fileID } = await Taro.cloud.uploadFile({ cloudPath: `${uploadFolder}/${cloudPath}`, filePath: sheet.source as string })
        return fileID
      }
      const response = await fetch(`/api/storage/upload?cloudPath=${encodeURIComponent(cloudPath)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/octet-stream', 'x-wx-openid': currentDevOpenid() },
        body: sheet.source as Blob,
      })
      if (!response.ok) throw new Error(`HTTP ${response.status}`)
      return ((await response.json()) as { fileID: string }).fileID
    } catch {
      throw new ServiceError('NETWORK', `文件上传失败，${NETWORK_MESSAGE}`)
    }
  },

  /** The template to fill: saved by the browser on H5; on WeChat opened, with the menu to forward it to a chat or a computer. */
  async downloadTemplate(url: string, fileName: string): Promise<void> {
    if (process.env.TARO_ENV !== 'weapp') {
      const link = document.createElement('a')
      link.href = url
      link.download = fileName
      document.body.appendChild(link)
      link.click()
      link.remove()
      return
    }
    try {
      const { tempFilePath } = await Taro.downloadFile({ url })
      await Taro.openDocument({ filePath: tempFilePath, fileType: 'xlsx', showMenu: true })
    } catch {
      throw new ServiceError('NETWORK', `模板下载失败，${NETWORK_MESSAGE}`)
    }
  },
}
