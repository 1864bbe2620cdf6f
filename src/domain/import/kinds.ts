/** What a station can bring in from its spreadsheets (issue #27). */
export const IMPORT_KINDS = ['aeds', 'members', 'volunteers', 'fund'] as const
export type ImportKind = (typeof IMPORT_KINDS)[number]

export const KIND_LABELS: Record<ImportKind, string> = {
  aeds: 'AED设备',
  members: '红十字会员',
  volunteers: '志愿者',
  fund: '互助金期初',
}

/** One column of a template: its Chinese title (the header a file must carry) and how to fill it. */
export type Column = { key: string; title: string; required: boolean; hint: string }

const col = (key: string, title: string, required: boolean, hint: string): Column => ({ key, title, required, hint })

export const COLUMNS: Record<ImportKind, Column[]> = {
  aeds: [
    col('name', '名称', true, '2–40个字，如 港越社区服务中心AED'),
    col('address', '地址', true, '4–100个字'),
    col('landmark', '位置说明', false, '如 大厅服务台左侧'),
    col('floor', '楼层', false, '如 1楼'),
    col('placement', '室内或室外', true, '填 室内 或 室外'),
    col('latitude', '纬度', true, '如 30.0812'),
    col('longitude', '经度', true, '如 120.4923'),
    col('datum', '坐标系', true, '填 GCJ-02（微信、高德、腾讯地图）或 WGS-84（GPS）'),
    col('hours', '开放时间', true, '填 24小时，或 每天 08:00-20:00，或 工作日 08:30-17:30'),
    col('padsExpiry', '电极片有效期', true, '年-月-日'),
    col('batteryExpiry', '电池有效期', true, '年-月-日'),
    col('lastInspection', '最近巡检日期', false, '年-月-日，不晚于今天'),
    col('guardianPhone', '负责人电话', false, '11位手机号或带区号的固话'),
  ],
  members: [
    col('name', '姓名', true, '2–20个字'),
    col('phone', '手机号', true, '1开头的11位数字'),
    col('memberNo', '会员编号', true, '字母、数字或短横线，最多32位'),
    col('joinDate', '入会日期', true, '年-月-日，不晚于今天'),
    col('category', '会员类别', true, '填 成人 或 青少年'),
    col('duesPaidThrough', '会费缴至年份', false, '如 2026；未缴过留空'),
  ],
  volunteers: [
    col('name', '姓名', true, '2–20个字'),
    col('phone', '手机号', true, '1开头的11位数字'),
    col('skills', '服务技能', false, '用顿号分隔，如 陪伴聊天、维修'),
    col('hours', '既往服务时长', false, '小时，最多一位小数；没有填 0'),
    col('hoursFrom', '时长起始日期', false, '年-月-日；有时长时必填'),
    col('hoursTo', '时长截止日期', false, '年-月-日；有时长时必填'),
  ],
  fund: [
    col('date', '日期', true, '年-月-日，不晚于今天'),
    col('type', '类型', true, '填 期初余额、收入 或 支出；期初余额只能有一行，且日期最早'),
    col('amount', '金额（元）', true, '最多两位小数，如 321406.40'),
    col('category', '类别', false, '收入：个人捐赠、单位捐赠、网络募捐、其他收入；支出：大病、困难、助学、灾害、意外、其他'),
    col('party', '捐赠人或受助人', false, '收入填捐赠人（可填 匿名），支出填受助人'),
    col('note', '摘要', false, '最多100个字'),
  ],
}

/** The example row each template carries (a real-looking line from 港越社区). */
export const EXAMPLES: Record<ImportKind, Record<string, string>> = {
  aeds: {
    name: '港越社区服务中心AED',
    address: '柯桥区华舍街道港越社区服务中心',
    landmark: '一楼大厅服务台左侧',
    floor: '1楼',
    placement: '室内',
    latitude: '30.0812',
    longitude: '120.4923',
    datum: 'GCJ-02',
    hours: '每天 08:00-20:00',
    padsExpiry: '2027-06-30',
    batteryExpiry: '2028-12-31',
    lastInspection: '2026-11-15',
    guardianPhone: '0575-84123456',
  },
  members: { name: '王秀英', phone: '13800000001', memberNo: 'GY-2019-001', joinDate: '2019-05-08', category: '成人', duesPaidThrough: '2026' },
  volunteers: { name: '李建华', phone: '13800000002', skills: '陪伴聊天、维修', hours: '120', hoursFrom: '2021-01-01', hoursTo: '2025-12-31' },
  fund: { date: '2025-12-31', type: '期初余额', amount: '321406.40', category: '', party: '', note: '2025年末结余结转' },
}

/** Rows a file may hold (issue #27): a commit of this many fits in the function's timeout. */
export const MAX_ROWS = 5_000
/** The fund's history is short next to devices and people: each entry is one step of the hash chain. */
export const MAX_FUND_ROWS = 500
/** An import may be undone this long after its commit. */
export const UNDO_WINDOW_HOURS = 24
/** Two AEDs closer than this are the same device (issue #27). */
export const DUPLICATE_AED_METERS = 20
