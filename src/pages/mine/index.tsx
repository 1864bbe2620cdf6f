import { View, Text } from '@tarojs/components'
import { Cell, Switch, Tag } from '@nutui/nutui-react-taro'
import Taro, { useDidShow } from '@tarojs/taro'
import { CloudImage } from '@/components/cloud-image'
import { IdentitySwitcher } from '@/components/identity-switcher'
import { LoadState } from '@/components/load-state'
import { EmergencyEntry } from '@/components/emergency-entry'
import { PageShell } from '@/components/page-shell'
import { ROLE_LABELS } from '@/domain/roles'
import { useDevIdentities } from '@/hooks/use-dev-identities'
import { useLargeText } from '@/hooks/use-large-text'
import { useMe } from '@/hooks/use-me'
import { useMySummary } from '@/hooks/use-my-summary'
import { useUnreadBadge } from '@/hooks/use-unread-badge'
import { messageOf } from '@/services/service-error'
import { userService } from '@/services/user'
import { areas, pages, tabs } from '@/routes'
import './index.scss'

const go = (url: string) => () => Taro.navigateTo({ url })

/** 注销: says plainly what is erased and what stays, asks twice over nothing, then erases. */
async function deleteAccount() {
  const { confirm } = await Taro.showModal({
    title: '注销账号',
    content: '将删除您的入会申请和会员卡、志愿者资料、培训报名和证书、志愿服务证明、消息、学习记录和您上传的照片，无法恢复。您认领的心愿会立即重新开放，报名的活动名额会让出；服务时长只不记名地保留用于统计；您发布的心愿中已完成的保留给帮助过您的志愿者，但不再有您的姓名、电话和内容，其余的会被撤下。',
    confirmText: '确认注销',
    confirmColor: '#c8102e',
    cancelText: '再想想',
  })
  if (!confirm) return
  Taro.showLoading({ title: '正在注销' })
  try {
    await userService.deleteAccount()
    Taro.hideLoading()
    await Taro.showModal({ title: '已注销', content: '您的个人信息已删除。感谢您曾经的参与。', showCancel: false, confirmText: '知道了' })
    await Taro.reLaunch({ url: tabs.home })
  } catch (error) {
    Taro.hideLoading()
    await Taro.showModal({ title: '未能注销', content: messageOf(error), showCancel: false, confirmText: '知道了' })
  }
}

export default function MinePage() {
  const unread = useUnreadBadge()
  const { data: me, error, loading, reload, retry } = useMe()
  const devIdentities = useDevIdentities()
  // Back from 个人资料 (which notes the change) or after a minute away: show it as it is now, without a call while fresh.
  useDidShow(() => {
    if (me) void reload({ fresh: false })
  })
  const summary = useMySummary(me)
  const [largeText, setLargeText] = useLargeText()
  return (
    <PageShell>
      <EmergencyEntry />
      <LoadState loading={loading && !me} error={me ? undefined : error} onRetry={retry}>
        {me && (
          <View className='profile card' data-testid='profile'>
            {me.avatarUrl ? <CloudImage className='profile__avatar' src={me.avatarUrl} onExpired={reload} /> : <View className='profile__avatar'>{me.displayName.slice(0, 1)}</View>}
            <View className='profile__body'>
              <Text className='profile__name'>{me.displayName}</Text>
              <Text className='hint'>{me.communities.map((c) => c.name).join('、') || '尚未加入社区'}</Text>
              <View className='profile__roles' data-testid='roles'>
                {me.roles.map((role) => (
                  <Tag key={role} type={role === 'resident' ? 'default' : 'primary'} className='profile__role'>
                    {ROLE_LABELS[role]}
                  </Tag>
                ))}
              </View>
            </View>
          </View>
        )}
      </LoadState>

      <Cell.Group>
        <Cell title='个人资料' description='昵称、头像和我住的社区' clickable onClick={go(areas.profile)} data-testid='open-profile' />
        <Cell title='红十字会员' description={summary.data?.member ?? '入会申请与电子会员卡'} clickable onClick={go(areas.member)} />
        <Cell title='我的志愿' description={summary.data?.volunteer ?? '注册志愿者、服务时长与积分'} clickable onClick={go(areas.volunteer)} />
        <Cell title='我的心愿' description='我发布和认领的红心愿' clickable onClick={go(areas.wish)} />
        <Cell title='救护培训' description={summary.data?.certificate ?? '培训报名与救护员证'} clickable onClick={go(areas.training)} />
        <Cell title='紧急呼救护员' description='持证救护员和医务人员：附近有人呼救时赶去帮忙' clickable onClick={go(areas.rescue)} data-testid='open-rescue' />
        <Cell
          title='消息'
          description='审核结果、心愿进度等通知'
          extra={unread > 0 ? <Text className='mine__unread' data-testid='inbox-unread'>{unread > 99 ? '99+' : unread} 条未读</Text> : undefined}
          clickable
          onClick={go(areas.inbox)}
        />
        {(me?.roles.includes('staff') || me?.roles.includes('district')) && <Cell title='工作台' description='审核、管理本社区事务' clickable onClick={go(areas.staff)} />}
        {me?.roles.includes('staff') && <Cell title='紧急呼记录' description='本社区的呼救与响应（匿名统计）' clickable onClick={go(pages.rescueStaff)} />}
        {me?.roles.includes('editor') && <Cell title='课程管理' description='审核、编辑急救课程' clickable onClick={go(pages.staffLessons)} />}
        {me?.roles.includes('district') && <Cell title='会员备案' description='本区各社区的新会员，可导出备案表' clickable onClick={go(pages.staffFiling)} />}
        {(me?.roles.includes('district') || (me?.roles.includes('editor') && !me.roles.includes('staff'))) && (
          <Cell title='操作记录' description='本区各社区和急救课程的操作记录' clickable onClick={go(pages.staffAudit)} />
        )}
      </Cell.Group>

      <Cell.Group>
        <Cell
          title='大字模式'
          description='放大文字和按钮，看得更清楚'
          extra={<Switch checked={largeText} onChange={(on) => setLargeText(on)} aria-label='大字模式' />}
        />
        <Cell title='消息设置' description='选择接收哪些通知' clickable onClick={go(areas.notifySettings)} />
        <Cell title='我的数据' description='查看和下载我们保存的关于您的信息' clickable onClick={go(pages.myData)} />
        <Cell title='隐私说明' description='收集哪些信息、用来做什么、保存多久' clickable onClick={go(pages.privacy)} />
        <Cell title='加入工作人员' description='收到社区的邀请码后，在这里输入' clickable onClick={go(pages.communityJoin)} data-testid='open-join' />
        {me && <Cell title='注销账号' description='删除我的个人信息' clickable onClick={deleteAccount} data-testid='delete-account' />}
      </Cell.Group>

      {devIdentities && <IdentitySwitcher {...devIdentities} />}
    </PageShell>
  )
}
