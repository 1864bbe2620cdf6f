import type { CheckedPhoto } from '@/domain/photo/checks'
import type { PhotoPlaceKey } from '@/domain/photo/contract'
import { collections } from './cloud'

/** A document holding photos others will see, as far as photo checks care. */
export type PhotoHolder = {
  _id: string
  photo?: CheckedPhoto | null
  images?: CheckedPhoto[]
  fulfilment?: { photos?: CheckedPhoto[] } | null
  communityId?: string
  homeCommunityId?: string | null
  title?: string
  name?: string
  aedName?: string
  displayName?: string
}

/**
 * One place photos live: a collection and the path of one photo (`photo`) or of a list of them
 * (`images`, `fulfilment.photos`). Every photo check, retry and staff decision goes through this
 * table, so a new kind of photo is added here once.
 */
export type PhotoPlace = {
  key: PhotoPlaceKey
  collection: string
  path: 'photo' | 'images' | 'fulfilment.photos'
  /** A list of photos, addressed by position (`images.2.status`), or one photo (`photo.status`). */
  list: boolean
  photosOf(doc: PhotoHolder): CheckedPhoto[]
  /** The community whose staff decide on its photos: the document's, or a person's home community. */
  communityField: 'communityId' | 'homeCommunityId'
  /** What staff see it as. */
  titleOf(doc: PhotoHolder): string
}

const single = (doc: PhotoHolder) => (doc.photo ? [doc.photo] : [])

export const PHOTO_PLACES: readonly PhotoPlace[] = [
  { key: 'wish', collection: collections.wishes, path: 'images', list: true, photosOf: (doc) => doc.images ?? [], communityField: 'communityId', titleOf: (doc) => `心愿：${doc.title ?? ''}` },
  { key: 'fulfilment', collection: collections.wishes, path: 'fulfilment.photos', list: true, photosOf: (doc) => doc.fulfilment?.photos ?? [], communityField: 'communityId', titleOf: (doc) => `心愿完成照片：${doc.title ?? ''}` },
  { key: 'aed', collection: collections.aeds, path: 'photo', list: false, photosOf: single, communityField: 'communityId', titleOf: (doc) => `AED：${doc.name ?? ''}` },
  { key: 'aedReport', collection: collections.aedReports, path: 'photo', list: false, photosOf: single, communityField: 'communityId', titleOf: (doc) => `AED问题报告：${doc.aedName ?? ''}` },
  { key: 'avatar', collection: collections.users, path: 'photo', list: false, photosOf: single, communityField: 'homeCommunityId', titleOf: (doc) => `头像：${doc.displayName ?? ''}` },
  { key: 'certificate', collection: collections.certificates, path: 'photo', list: false, photosOf: single, communityField: 'communityId', titleOf: (doc) => `救护员证：${doc.name ?? ''}` },
  { key: 'fundProject', collection: collections.fundProjects, path: 'images', list: true, photosOf: (doc) => doc.images ?? [], communityField: 'communityId', titleOf: (doc) => `互助金项目：${doc.title ?? ''}` },
]

export const placeOf = (key: PhotoPlaceKey): PhotoPlace => PHOTO_PLACES.find((place) => place.key === key) as PhotoPlace

/** The update path of the photo at `index` of a place (`images.2`, `photo`). */
export const photoPath = (place: PhotoPlace, index: number): string => (place.list ? `${place.path}.${index}` : place.path)

export const communityOf = (place: PhotoPlace, doc: PhotoHolder): string | null => (place.communityField === 'communityId' ? doc.communityId ?? null : doc.homeCommunityId ?? null)
