import { Cell } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { PageShell } from '@/components/page-shell'
import { LoadState } from '@/components/load-state'
import { useRemote } from '@/hooks/use-remote'
import { memberService } from '@/services/member'
import { volunteerService } from '@/services/volunteer'
import { wishService } from '@/services/wish'

/** 工作台: what waits for the staff member's decision in their communities. */
export default function StaffHomePage() {
  const queues = useRemote(async () => {
    const [applications, volunteers, wishes] = await Promise.all([memberService.list('pending', 1), volunteerService.list('pending', 1), wishService.reviewQueue(1)])
    return { applications: applications.total, volunteers: volunteers.total, wishes: wishes.total }
  })
  return (
    <PageShell>
      <LoadState loading={queues.loading && !queues.data} error={queues.data ? undefined : queues.error} onRetry={queues.reload}>
        <Cell.Group title='待办'>
          <Cell
            title='入会审核'
            description='审核本社区居民的红十字会员入会申请'
            extra={`${queues.data?.applications ?? 0} 份待审核`}
            clickable
            onClick={() => Taro.navigateTo({ url: '/packages/staff/pages/applications/index' })}
          />
          <Cell
            title='志愿者审核'
            description='需要审核的社区，新注册的志愿者在这里确认'
            extra={`${queues.data?.volunteers ?? 0} 位待审核`}
            clickable
            onClick={() => Taro.navigateTo({ url: '/packages/staff/pages/volunteers/index' })}
          />
          <Cell
            title='心愿审核'
            description='内容检查拿不准的心愿，由工作人员决定是否发布'
            extra={`${queues.data?.wishes ?? 0} 个待审核`}
            clickable
            onClick={() => Taro.navigateTo({ url: '/packages/staff/pages/wishes/index' })}
          />
          <Cell
            title='AED管理'
            description='核实居民建议、处理问题报告、记录巡检'
            clickable
            onClick={() => Taro.navigateTo({ url: '/packages/staff/pages/aeds/index' })}
          />
          <Cell
            title='培训管理'
            description='发布救护培训、记录出勤和考核，发放救护员证'
            clickable
            onClick={() => Taro.navigateTo({ url: '/packages/staff/pages/trainings/index' })}
          />
          <Cell
            title='课程管理'
            description='编辑急救课程和测验题'
            clickable
            onClick={() => Taro.navigateTo({ url: '/packages/staff/pages/lessons/index' })}
          />
        </Cell.Group>
      </LoadState>
    </PageShell>
  )
}
