import dayjs from 'dayjs'
import { ownedId } from '../../cloudfunctions/_kit/ids'
import { DEMO_COMMUNITIES } from './demo-data'

/**
 * 紧急呼 demo responders (issue #22) around the three communities: 大渡社区 has 37 medical
 * volunteers in the seeds; most are verified by staff as medical workers, the rest hold a
 * 救护员证. Every 5th is off duty, every 7th certified one has a lapsed certificate, so the
 * switcher shows who is and is not alerted. demo-volunteer (李志强) holds a valid 救护员证 and is
 * enrolled and on duty near 大渡社区's station.
 */
const COUNTS: Record<string, number> = { dadu: 37, yulan: 8, gangyue: 6 }
const PROFESSIONS = ['doctor', 'nurse', 'paramedic', 'other'] as const

const place = (openid: string, n: number, at: { latitude: number; longitude: number }, radiusMeters: number, onDuty: boolean, medic: boolean) => ({
  _id: `${ownedId('rp', openid)}-${n}`,
  openid,
  location: { type: 'Point', coordinates: [at.longitude, at.latitude] },
  radiusMeters,
  onDuty,
  medic,
})

export function demoRescue(now: Date) {
  const today = dayjs(now)
  const responders: Array<Record<string, unknown>> = []
  const places: Array<Record<string, unknown>> = []
  const certificates: Array<Record<string, unknown>> = []
  const certificate = (openid: string, n: number, validUntil: string, name = '救护员') => ({
    _id: `demo-rescue-ce-${openid}`, openid, number: `ZJKQ-2024-${String(500 + n).padStart(5, '0')}`, issuer: '绍兴市柯桥区红十字会', name,
    issuedOn: today.subtract(1, 'year').format('YYYY-MM-DD'), validUntil, sessionId: 'demo-rescue-course', sessionTitle: '救护员培训（往期）', remindedOn: null,
  })
  const enrol = (openid: string, home: { latitude: number; longitude: number }, { radiusMeters, onDuty, medic }: { radiusMeters: number; onDuty: boolean; medic: Record<string, unknown> | null }) => {
    responders.push({ _id: ownedId('rp', openid), openid, enrolled: true, consentAt: now, onDuty, areas: [{ label: '家', ...home }], radiusMeters, medic, answered: 0 })
    places.push(place(openid, 0, home, radiusMeters, onDuty, !!medic))
  }
  let n = 0
  for (const community of DEMO_COMMUNITIES) {
    for (let i = 0; i < COUNTS[community._id]; i += 1) {
      n += 1
      const openid = `demo-rs-${community._id}-${i + 1}`
      // A spiral around the station, 120 m to about 1.9 km out.
      const angle = i * 2.1 + 0.7
      const radius = 0.0011 + i * 0.0005
      const home = { latitude: community.location.latitude + radius * Math.sin(angle), longitude: community.location.longitude + radius * Math.cos(angle) }
      const isMedic = i % 3 !== 2
      const medic = isMedic ? { profession: PROFESSIONS[i % 4], note: '已查看执业证书原件', by: 'demo-staff', at: now, communityId: community._id } : null
      if (!isMedic) certificates.push(certificate(openid, n, i % 7 === 5 ? today.subtract(20, 'day').format('YYYY-MM-DD') : today.add(2, 'year').format('YYYY-MM-DD')))
      enrol(openid, home, { radiusMeters: i % 4 === 3 ? 2000 : 1000, onDuty: i % 5 !== 4, medic })
    }
  }
  const dadu = DEMO_COMMUNITIES.find((c) => c._id === 'dadu')!
  certificates.push(certificate('demo-volunteer', 0, today.add(2, 'year').format('YYYY-MM-DD'), '李志强'))
  enrol('demo-volunteer', { latitude: dadu.location.latitude + 0.0012, longitude: dadu.location.longitude + 0.0009 }, { radiusMeters: 1000, onDuty: true, medic: null })
  return { responders, places, certificates, psychSupportContact: '大渡社区心理援建志愿队 0575-84100120（工作日 8:30–17:00）' }
}
