import { useMemo } from 'react'
import { choosePhotos, uploadPhoto } from '@/services/storage'

/** What a PhotoPicker needs to choose and upload photos into one folder (`wishes`, `aed-reports`, …). */
export function usePhotoUpload(folder: string) {
  return useMemo(() => ({ onChoose: choosePhotos, onUpload: (localPath: string) => uploadPhoto(localPath, folder) }), [folder])
}
