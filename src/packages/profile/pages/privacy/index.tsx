import { View, Text } from '@tarojs/components'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { PrivacyNotice } from '@/components/privacy-notice'
import { ID_NUMBER_PURPOSE } from '@/domain/privacy-notice'
import { useMe } from '@/hooks/use-me'
import { useRemote } from '@/hooks/use-remote'
import { userService } from '@/services/user'

/** 隐私说明, always reachable from 我的: the same text as before applying, for the person's own station. */
export default function PrivacyPage() {
  const me = useMe()
  const communities = useRemote(() => userService.communities())
  const home = communities.data?.find((c) => c._id === me.data?.homeCommunityId)
  return (
    <PageShell>
      <LoadState loading={communities.loading && !communities.data} error={communities.data ? undefined : communities.error} onRetry={communities.retry}>
        <View className='card'>
          <Text className='section-title'>个人信息保护说明</Text>
          <PrivacyNotice handler={home?.privacyHandler ?? null} />
          <Text className='hint'>{ID_NUMBER_PURPOSE}</Text>
        </View>
        {!home && (
          <View className='card'>
            <Text className='section-title'>各社区的联系方式</Text>
            {(communities.data ?? []).map((c) => (
              <Text key={c._id} className='hint'>
                {c.name}：{c.privacyHandler ? `${c.privacyHandler.organisation}，${c.privacyHandler.contact}` : '请到社区服务站咨询'}
              </Text>
            ))}
          </View>
        )}
      </LoadState>
    </PageShell>
  )
}
