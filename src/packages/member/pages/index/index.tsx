import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { Timeline } from '@/components/timeline'
import { APPLICATION_STATUS_LABELS, APPLICATION_STATUS_TONES } from '@/domain/member/application'
import { formatChinaTime } from '@/domain/dates'
import { applicationTimeline } from '@/domain/member/timeline'
import { useRemote } from '@/hooks/use-remote'
import { memberService } from '@/services/member'
import { confirmThen } from '@/hooks/confirm-then'
import { CorrectionForm } from '../../components/correction-form'
import { MemberCard } from '../../components/member-card'
import './index.scss'
import { pages, withQuery } from '@/routes'

/** 红十字会员: the member card, or where the application stands, or how to apply. */
export default function MemberHomePage() {
  const { data, error, loading, reload, retry } = useRemote(() => memberService.mine())
  useDidShow(() => {
    if (data) void reload()
  })
  const application = data?.application
  // Destructive: asked once more, in plain words, before anything changes.
  const leave = async () => {
    const ask = { title: '确认退会', content: '退会后您将不再是中国红十字会会员，会员卡收回。确定退会吗？', confirmText: '确认退会', done: '已退会', failTitle: '未能退会' }
    if ((await confirmThen(ask, () => memberService.leave())) === 'done') await reload()
  }
  // The applicant's own: asked once more, then taken back while it still waits.
  const withdraw = async () => {
    const ask = { title: '撤回入会申请', content: '撤回后工作人员不再审核这份申请，您的身份证号会立即删除。以后还可以重新申请。确定撤回吗？', confirmText: '撤回', done: '已撤回', failTitle: '未能撤回' }
    if ((await confirmThen(ask, () => memberService.withdraw())) !== 'cancelled') await reload()
  }
  return (
    <PageShell>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={retry}>
        {data?.card && <MemberCard card={data.card} />}
        {data?.card && (
          <View className='card'>
            <Text className='section-title'>退会</Text>
            <Text className='hint'>会员有退会的自由（《中国红十字会章程》）。退会后会员卡收回，账号和志愿服务记录保留；身份证号在90天后删除。以后还可以重新申请入会。</Text>
            <Button block size='large' type='danger' fill='outline' className='member-home__action' onClick={() => void leave()} data-testid='leave'>
              退会
            </Button>
          </View>
        )}

        {application && application.status !== 'pending' && application.status !== 'withdrawn' && <CorrectionForm application={application} onSaved={() => void reload()} />}

        {!application && (
          <View className='card'>
            <Text className='section-title'>加入中国红十字会</Text>
            <Text className='hint'>承认《中国红十字会章程》的居民都可以申请，未满18周岁的请和监护人一起填写。填写信息大约需要3分钟，社区工作人员审核通过后，您会收到通知和电子会员卡。</Text>
            <Button block type='primary' size='large' className='member-home__action' onClick={() => Taro.navigateTo({ url: pages.memberApply })}>
              申请入会
            </Button>
          </View>
        )}

        {application && (
          <View className='card' data-testid='application-status'>
            <View className='member-home__status'>
              <Text className='section-title'>入会申请</Text>
              <Tag type={APPLICATION_STATUS_TONES[application.status]}>
                {APPLICATION_STATUS_LABELS[application.status]}
              </Tag>
            </View>
            {application.status === 'pending' && (
              <>
                <Text className='hint'>社区工作人员会尽快审核，结果会通过消息通知您。审核前可以撤回。</Text>
                <Button block size='large' type='danger' fill='outline' className='member-home__action' onClick={() => void withdraw()} data-testid='withdraw'>
                  撤回申请
                </Button>
              </>
            )}
            {(application.status === 'left' || application.status === 'withdrawn') && (
              <Button block type='primary' size='large' className='member-home__action' onClick={() => Taro.navigateTo({ url: withQuery(pages.memberApply, { resubmit: 1 }) })}>
                重新申请入会
              </Button>
            )}
            {application.status === 'rejected' && (
              <>
                <Text className='member-home__reason'>未通过原因：{application.rejectReason}</Text>
                <Button block type='primary' size='large' className='member-home__action' onClick={() => Taro.navigateTo({ url: withQuery(pages.memberApply, { resubmit: 1 }) })}>
                  修改后重新提交
                </Button>
              </>
            )}
            <Text className='section-title'>办理进度</Text>
            <Timeline items={applicationTimeline(application)} />
            <Text className='hint' data-testid='id-views'>
              {application.status === 'withdrawn'
                ? '撤回时您的身份证号已经删除，重新申请时需要再填写。'
                : application.idViews.length === 0
                ? '您的身份证号加密保存，只有本社区和区红十字会的工作人员可以查看完整号码，每次查看都会记录在这里。'
                : `您的身份证号已被查看${application.idViews.length}次，最近一次：${formatChinaTime(application.idViews[application.idViews.length - 1].at)} ${application.idViews[application.idViews.length - 1].by}。`}
            </Text>
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
