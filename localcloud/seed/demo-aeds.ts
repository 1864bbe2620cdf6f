import dayjs from 'dayjs'
import { reportIdOf } from '../../cloudfunctions/aed/reports'
import { DEMO_COMMUNITIES } from './demo-data'

/**
 * AEDs across the three communities (大渡社区 has one in every compound and market, as the seeds
 * say), at plausible GCJ-02 positions around each station, with varied hours, and a few that
 * need attention: expired pads, an overdue inspection, one reported faulty.
 */
const PLACES: Record<string, Array<[name: string, landmark: string, placement: 'indoor' | 'outdoor', hours: 'always' | 'day' | 'market' | 'office']>> = {
  dadu: [
    ['大渡社区服务中心', '一楼大厅服务台旁', 'indoor', 'office'],
    ['大渡菜市场', '东门入口保安亭', 'outdoor', 'market'],
    ['大渡花园小区', '北门保安亭', 'outdoor', 'always'],
    ['润和苑小区', '3号楼下便民服务点', 'outdoor', 'always'],
    ['大渡公园', '南门游客服务中心', 'outdoor', 'day'],
    ['柯桥区中心幼儿园', '门卫室', 'indoor', 'office'],
    ['大渡农贸市场', '管理办公室门口', 'indoor', 'market'],
    ['金色家园小区', '西门岗亭', 'outdoor', 'always'],
    ['大渡老年活动中心', '二楼棋牌室门口', 'indoor', 'day'],
    ['万达广场', '一楼客服中心', 'indoor', 'day'],
    ['大渡派出所', '户籍大厅', 'indoor', 'always'],
    ['锦绣江南小区', '物业服务中心', 'indoor', 'always'],
  ],
  yulan: [
    ['玉兰社区博爱家园', '红十字服务站门口', 'indoor', 'office'],
    ['玉兰花园', '2号门保安亭', 'outdoor', 'always'],
    ['玉兰小学', '门卫室', 'indoor', 'office'],
    ['玉兰菜场', '北门入口', 'outdoor', 'market'],
    ['柯桥区人民医院门诊', '一楼导诊台', 'indoor', 'always'],
    ['玉兰体育馆', '一楼大厅', 'indoor', 'day'],
    ['兰亭苑小区', '南门岗亭', 'outdoor', 'always'],
    ['玉兰公交站', '候车亭旁AED柜', 'outdoor', 'always'],
    ['玉兰社区卫生服务站', '药房旁', 'indoor', 'office'],
    ['柯桥图书馆', '服务台', 'indoor', 'day'],
  ],
  gangyue: [
    ['港越社区服务中心', '一楼红十字工作室', 'indoor', 'office'],
    ['港越新村', '东门保安亭', 'outdoor', 'always'],
    ['港越农贸市场', '管理处门口', 'outdoor', 'market'],
    ['柯桥轻纺城北区', '客服中心', 'indoor', 'day'],
    ['港越幸福港湾广场', '广场东侧AED柜', 'outdoor', 'always'],
    ['港越小学', '门卫室', 'indoor', 'office'],
    ['瓜渚湖公园', '西入口服务站', 'outdoor', 'day'],
    ['港越老年食堂', '收银台旁', 'indoor', 'day'],
    ['港越公寓', '物业前台', 'indoor', 'always'],
    ['柯桥汽车站', '候车大厅', 'indoor', 'always'],
  ],
}

const HOURS = {
  always: { always: true },
  day: { always: false, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['07:00', '21:00']]])) },
  market: { always: false, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'].map((d) => [d, [['05:30', '12:00'], ['15:00', '19:00']]])) },
  office: { always: false, weekly: Object.fromEntries(['mon', 'tue', 'wed', 'thu', 'fri'].map((d) => [d, [['08:30', '17:30']]])) },
} as const

const ACCESS_NOTES = {
  outdoor: '壁挂AED柜，拉开柜门即可取用（柜门会报警，属正常）',
  indoor: '24小时有人值守，向值班人员说明后直接取用',
  limited: '开放时间内直接取用；非开放时间请联系门卫，或拨打取用电话',
} as const

const MODELS = ['迈瑞 BeneHeart C1A', '飞利浦 HeartStart HS1', '卓尔 AED Plus', '久心 iAED-S1']

export function demoAeds(now: Date) {
  const today = dayjs(now)
  let n = 0
  return DEMO_COMMUNITIES.flatMap((community) =>
    PLACES[community._id].map(([name, landmark, placement, hours], i) => {
      n += 1
      // A spiral around the station: 150 m to 1.5 km away, in every direction.
      const angle = i * 2.4
      const radius = 0.0015 + i * 0.0012
      const attention = n % 11 === 0 ? 'pads' : n % 13 === 0 ? 'inspection' : n % 17 === 0 ? 'fault' : 'none'
      return {
        _id: `aed-${community._id}-${i + 1}`,
        name,
        communityId: community._id,
        location: { type: 'Point', coordinates: [community.location.longitude + radius * Math.cos(angle), community.location.latitude + radius * Math.sin(angle)] },
        address: `绍兴市柯桥区${community.name}${name}`,
        landmark,
        placement,
        floor: placement === 'indoor' ? '1楼' : '',
        hours: HOURS[hours],
        accessNotes: ACCESS_NOTES[hours === 'always' ? placement : 'limited'],
        // The duty room that opens the cabinet or the building (a Shaoxing landline).
        accessPhone: `0575-8412${String(3400 + n)}`,
        model: MODELS[n % MODELS.length],
        guardianOrg: `${community.name}红十字会`,
        guardianOpenid: null,
        padsExpiry: attention === 'pads' ? today.subtract(20, 'day').format('YYYY-MM-DD') : today.add(300 + n * 7, 'day').format('YYYY-MM-DD'),
        batteryExpiry: today.add(500 + n * 11, 'day').format('YYYY-MM-DD'),
        lastInspection: attention === 'inspection' ? today.subtract(75, 'day').format('YYYY-MM-DD') : today.subtract(n % 20, 'day').format('YYYY-MM-DD'),
        status: attention === 'fault' ? 'maintenance' : 'available',
        verified: true,
        photo: null,
        history: [{ at: today.subtract(200, 'day').toDate(), event: '工作人员登记', by: 'demo-staff', byName: '工作人员 张敏' }],
        createdAt: today.subtract(200, 'day').toDate(),
      }
    }),
  )
}

/**
 * Problem reports to click through: a small wave from three new accounts without standing on three
 * of 大渡's AEDs (they only warn; 工作人员 → AED管理 can dismiss them in one action), and a use
 * reported by a volunteer (out of service until an inspection records new pads and a self-test).
 */
export function demoAedReports(now: Date) {
  const hourAgo = new Date(now.getTime() - 60 * 60 * 1000)
  const report = (openid: string, aedNumber: number, kind: 'fault' | 'used', standing: 'volunteer' | null, note: string) => ({
    _id: reportIdOf(openid, `aed-dadu-${aedNumber}`, kind, 0),
    aedId: `aed-dadu-${aedNumber}`,
    aedName: PLACES.dadu[aedNumber - 1][0],
    communityId: 'dadu',
    kind,
    note,
    photo: null,
    reporterOpenid: openid,
    standing,
    round: 0,
    status: 'open',
    createdAt: hourAgo,
  })
  return [
    report('demo-newcomer-1', 9, 'fault', null, ''),
    report('demo-newcomer-2', 10, 'fault', null, '打不开'),
    report('demo-newcomer-3', 11, 'used', null, ''),
    report('demo-volunteer', 12, 'used', 'volunteer', '昨晚有居民晕倒，已用过一次'),
  ]
}
