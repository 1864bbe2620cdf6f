import Taro from '@tarojs/taro'
import { wgs84ToGcj02, type LatLng } from '@/domain/geo'

const CONSENT_KEY = 'boai.locationConsent'

/** Whether the person already agreed to share their position for finding AEDs (asked once). */
export function hasLocationConsent(): boolean {
  return Taro.getStorageSync(CONSENT_KEY) === true
}

export function rememberLocationConsent(): void {
  Taro.setStorageSync(CONSENT_KEY, true)
}

/**
 * The person's position in GCJ-02, or null if they refused or it could not be found. WeChat
 * answers GCJ-02 itself; a browser answers WGS-84, converted here.
 */
export async function currentPosition(): Promise<LatLng | null> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const { latitude, longitude } = await Taro.getLocation({ type: 'gcj02' })
      return { latitude, longitude }
    }
    const { latitude, longitude } = await Taro.getLocation({ type: 'wgs84' })
    return wgs84ToGcj02({ latitude, longitude })
  } catch {
    return null
  }
}

/**
 * A place for staff to set (an AED, an activity): WeChat's map picker, or on H5 where the browser
 * says they are. Null when they closed the picker or no position could be found.
 */
export async function choosePlace(): Promise<(LatLng & { address: string }) | null> {
  if (process.env.TARO_ENV !== 'weapp') {
    const here = await currentPosition()
    return here && { ...here, address: '' }
  }
  try {
    const { latitude, longitude, address } = await Taro.chooseLocation({})
    return { latitude, longitude, address }
  } catch {
    return null // closed without choosing
  }
}

/** Opens WeChat's map with walking directions; H5 has no map app to hand over to. */
export function navigateTo(place: LatLng & { name: string; address: string }): boolean {
  if (process.env.TARO_ENV !== 'weapp') return false
  void Taro.openLocation({ latitude: place.latitude, longitude: place.longitude, name: place.name, address: place.address, scale: 17 })
  return true
}
