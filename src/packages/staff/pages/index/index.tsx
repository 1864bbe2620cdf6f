import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import type { DashboardQueue } from '@/domain/community/contract'
import type { Role } from '@/domain/roles'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { importPages, pages } from '@/routes'
import { communityService } from '@/services/community'
import { notifyService } from '@/services/notify'
import { requestSubscriptions } from '@/services/subscriptions'

const STAFF = '/packages/staff/pages'

/** Every queue of the 工作台: what waits, and the page where it is worked. */
const QUEUES: Array<{ queue: DashboardQueue; title: string; description: string; url: string; waiting: (n: number) => string }> = [
  { queue: 'applications', title: '入会审核', description: '审核本社区居民的红十字会员入会申请', url: `${STAFF}/applications/index`, waiting: (n) => `${n} 份待审核` },
  { queue: 'volunteers', title: '志愿者审核', description: '新注册的志愿者，和申请到本社区服务的外社区志愿者', url: `${STAFF}/volunteers/index`, waiting: (n) => `${n} 位待审核` },
  { queue: 'wishes', title: '心愿审核', description: '内容检查拿不准的心愿，由工作人员决定是否发布', url: `${STAFF}/wishes/index`, waiting: (n) => `${n} 个待审核` },
  { queue: 'wishHours', title: '心愿时长核定', description: '志愿者报告、心愿主人确认的服务时间，核定后记入志愿服务记录', url: `${STAFF}/wish-hours/index`, waiting: (n) => `${n} 个待核定` },
  { queue: 'rosters', title: '出勤确认', description: '已签退、等待组织者确认的活动出勤，确认后记入时长', url: `${STAFF}/activities/index`, waiting: (n) => `${n} 人待确认` },
  { queue: 'makeups', title: '补签申请', description: '没能签到或签退的志愿者申请补记时间', url: `${STAFF}/activities/index`, waiting: (n) => `${n} 份待处理` },
  { queue: 'aedReports', title: 'AED问题报告', description: '居民报告的AED故障、位置不对等问题', url: `${STAFF}/aeds/index`, waiting: (n) => `${n} 条待处理` },
  { queue: 'aedSuggestions', title: 'AED位置建议', description: '居民建议补充的AED，核实后才公开', url: `${STAFF}/aeds/index`, waiting: (n) => `${n} 条待核实` },
  { queue: 'photos', title: '照片审核', description: '自动检查拿不准或一直没有结果的照片，由工作人员决定是否显示', url: `${STAFF}/photos/index`, waiting: (n) => `${n} 张待审核` },
  { queue: 'certificates', title: '志愿服务证明', description: '志愿者申请的服务记录证明，以社区红十字会名义出具；证明设置', url: `${STAFF}/certificates/index`, waiting: (n) => `${n} 份待出具` },
  { queue: 'aid', title: '互助金救助申请', description: '等待决定或等待发放的博爱互助金救助申请', url: '/packages/fund/pages/staff/index', waiting: (n) => `${n} 份待处理` },
  { queue: 'lessonDrafts', title: '课程审核', description: '其他编辑修改的急救课程，需要第二位编辑审核后发布', url: `${STAFF}/lessons/index`, waiting: (n) => `${n} 份待审核` },
]

/** Tools without a queue of their own. */
const TOOLS: Array<{ title: string; description: string; url: string; role?: Role }> = [
  { title: 'AED管理', description: '登记和修改AED、记录巡检', url: `${STAFF}/aeds/index` },
  { title: '活动管理', description: '发布志愿活动、出示签到码、查看出勤', url: `${STAFF}/activities/index` },
  { title: '培训管理', description: '发布救护培训、记录出勤和考核，发放救护员证', url: `${STAFF}/trainings/index` },
  { title: '课程管理', description: '编辑急救课程，查看课程库更新（课程编辑）', url: `${STAFF}/lessons/index`, role: 'editor' },
  { title: '社区设置', description: '地址、联系方式、认领期限、签到范围、巡检周期等（管理员修改）', url: pages.communitySettings },
  { title: '工作人员', description: '本社区的管理员、工作人员和课程编辑；邀请和移除', url: pages.communityTeam },
  { title: '志愿服务记录导出', description: '按服务日期导出志愿服务记录，录入全国志愿服务信息系统（志愿浙江）', url: pages.staffRecordsExport },
  { title: '导入', description: '把本站已有的AED、会员、志愿者、互助金表格导入，逐行检查后写入', url: importPages.index },
  { title: '操作记录', description: '谁在什么时候做了什么：审核、设置、时长、账目、证明、导出、查看身份证号', url: `${STAFF}/audit/index` },
]

/** 工作台: everything waiting for a decision in the staff member's communities, in one call. */
export default function StaffHomePage() {
  const me = useMe()
  const board = useRemote(() => communityService.dashboard())
  // Which subscribe templates this deployment lacks: those messages reach the inbox only.
  const setup = useRemote(() => notifyService.setup())
  const missing = setup.data?.missing ?? []
  const askForTodos = async () => {
    // From the tap itself, as WeChat requires: one message each time a queue gets new items.
    const granted = await requestSubscriptions('staffTodo')
    await Taro.showToast({ title: granted.includes('staff_todo') ? '有新待办时会通知您' : '新待办会显示在消息中', icon: 'none' })
  }
  const counts = board.data?.counts ?? {}
  const open = (url: string) => Taro.navigateTo({ url })
  const waitingTotal = QUEUES.reduce((sum, { queue }) => sum + (counts[queue] ?? 0), 0)
  return (
    <PageShell>
      {(missing.length > 0 || (setup.data?.problems.length ?? 0) > 0) && (
        <View className='card' data-testid='template-warning'>
          <Text className='section-title'>
            {missing.length > 0 ? `订阅消息模板未配置：${missing.map((m) => m.title).join('、')}` : '订阅消息设置有误'}
          </Text>
          <Text className='hint'>
            {missing.length > 0 ? '这些消息只会出现在小程序的“消息”里，不会发微信通知。' : '微信通知可能发不出去，消息仍会出现在小程序的“消息”里。'}
            请管理员按部署说明检查云函数的环境变量 NOTIFY_TEMPLATES 和 MINIPROGRAM_STATE。
          </Text>
        </View>
      )}
      <Button block fill='outline' onClick={askForTodos} data-testid='ask-staff-todo'>
        开启待办提醒
      </Button>
      <LoadState loading={board.loading && !board.data} error={board.data ? undefined : board.error} onRetry={board.retry}>
        {board.data && (
          <Text className='hint' data-testid='dashboard-scope'>
            {board.data.communities.map((c) => c.name).join('、')}：共 {waitingTotal} 项待处理
          </Text>
        )}
        <Cell.Group title='待办'>
          {QUEUES.filter(({ queue }) => counts[queue] !== undefined).map((item) => (
            <Cell
              key={item.queue}
              title={item.title}
              description={item.description}
              extra={item.waiting(counts[item.queue] ?? 0)}
              clickable
              onClick={() => open(item.url)}
            />
          ))}
        </Cell.Group>
        <Cell.Group title='管理'>
          {TOOLS.filter((tool) => !tool.role || me.data?.roles.includes(tool.role)).map((tool) => (
            <Cell key={tool.title} title={tool.title} description={tool.description} clickable onClick={() => open(tool.url)} />
          ))}
        </Cell.Group>
      </LoadState>
    </PageShell>
  )
}
