import { View, Text } from '@tarojs/components'
import { Button, Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import type { Role } from '@/domain/roles'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { importPages } from '@/routes'
import { memberService } from '@/services/member'
import { notifyService } from '@/services/notify'
import { photoService } from '@/services/photo'
import { requestSubscriptions } from '@/services/subscriptions'
import { volunteerService } from '@/services/volunteer'
import { wishService } from '@/services/wish'

type Queues = { applications: number; volunteers: number; wishes: number; wishHours: number; certificates: number; photos: number }

/** The staff tools, with how much waits in each review queue. */
const TOOLS: Array<{ title: string; description: string; page: string; url?: string; waiting?: (q: Queues) => string; role?: Role }> = [
  { title: '入会审核', description: '审核本社区居民的红十字会员入会申请', page: 'applications', waiting: (q) => `${q.applications} 份待审核` },
  { title: '志愿者审核', description: '需要审核的社区，新注册的志愿者在这里确认', page: 'volunteers', waiting: (q) => `${q.volunteers} 位待审核` },
  { title: '心愿审核', description: '内容检查拿不准的心愿，由工作人员决定是否发布', page: 'wishes', waiting: (q) => `${q.wishes} 个待审核` },
  { title: '心愿时长核定', description: '志愿者报告、心愿主人确认的服务时间，核定后记入志愿服务记录', page: 'wish-hours', waiting: (q) => `${q.wishHours} 个待核定` },
  { title: '志愿服务证明', description: '志愿者申请的服务记录证明，以社区红十字会名义出具；证明设置', page: 'certificates', waiting: (q) => `${q.certificates} 份待出具` },
  { title: '照片审核', description: '自动检查拿不准或一直没有结果的照片，由工作人员决定是否显示', page: 'photos', waiting: (q) => `${q.photos} 张待审核` },
  { title: 'AED管理', description: '核实居民建议、处理问题报告、记录巡检', page: 'aeds' },
  { title: '活动管理', description: '发布志愿活动、出示签到码、查看出勤、处理补签', page: 'activities' },
  { title: '培训管理', description: '发布救护培训、记录出勤和考核，发放救护员证', page: 'trainings' },
  { title: '导入', description: '把本站已有的AED、会员、志愿者、互助金表格导入，逐行检查后写入', page: 'import', url: importPages.index },
  { title: '课程管理', description: '审核和编辑急救课程，查看课程库更新（课程编辑）', page: 'lessons', role: 'editor' },
  { title: '操作记录', description: '谁在什么时候做了什么：审核、设置、时长、账目、证明、导出、查看身份证号', page: 'audit' },
]

/** 工作台: what waits for the staff member's decision in their communities. */
export default function StaffHomePage() {
  const me = useMe()
  const queues = useRemote(async (): Promise<Queues> => {
    const [applications, volunteers, wishes, wishHours, certificates, photos] = await Promise.all([
      memberService.list('pending', 1),
      volunteerService.list('pending', 1),
      wishService.reviewQueue(1),
      wishService.hoursQueue(1),
      volunteerService.certificateQueue(1),
      photoService.queue(),
    ])
    return { applications: applications.total, volunteers: volunteers.total, wishes: wishes.total, wishHours: wishHours.total, certificates: certificates.total, photos: photos.total }
  })
  // Which subscribe templates this deployment lacks: those messages reach the inbox only.
  const setup = useRemote(() => notifyService.setup())
  const missing = setup.data?.missing ?? []
  const askForTodos = async () => {
    // From the tap itself, as WeChat requires: one message each time a queue gets new items.
    const granted = await requestSubscriptions('staffTodo')
    await Taro.showToast({ title: granted.includes('staff_todo') ? '有新待办时会通知您' : '新待办会显示在消息中', icon: 'none' })
  }
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
      <LoadState loading={queues.loading && !queues.data} error={queues.data ? undefined : queues.error} onRetry={queues.retry}>
        <Cell.Group title='待办'>
          {TOOLS.filter((tool) => !tool.role || me.data?.roles.includes(tool.role)).map((tool) => (
            <Cell
              key={tool.page}
              title={tool.title}
              description={tool.description}
              extra={tool.waiting && queues.data ? tool.waiting(queues.data) : undefined}
              clickable
              onClick={() => Taro.navigateTo({ url: tool.url ?? `/packages/staff/pages/${tool.page}/index` })}
            />
          ))}
        </Cell.Group>
      </LoadState>
    </PageShell>
  )
}
