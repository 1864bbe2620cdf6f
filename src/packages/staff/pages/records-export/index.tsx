import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import type { CommunityRef } from '@/domain/community/types'
import { todayInChina } from '@/domain/dates'
import { useMe } from '@/hooks/use-me'
import { useSubmit } from '@/hooks/use-submit'
import { CSV_TYPE, saveTextFile } from '@/services/save-file'
import { volunteerService } from '@/services/volunteer'

/**
 * 志愿服务记录导出: a period of a community's service records for the national 志愿服务信息系统
 * (民政部令第67号 2020 第四条), as a CSV file Excel opens: downloaded on H5, sent to a chat on weapp.
 */
export default function RecordsExportPage() {
  const me = useMe()
  const communities = (me.data?.communities ?? []).filter((c) => me.data?.staffCommunityIds.includes(c._id))
  return (
    <PageShell>
      <View className='card'>
        <Text className='hint'>
          按服务日期导出本社区的志愿服务记录（姓名、证件号码、服务日期、时长、地点、内容、记录人），用于录入全国志愿服务信息系统（志愿浙江）。表格含完整身份证号，每次导出都记入操作记录。
        </Text>
      </View>
      <LoadState loading={me.loading && !me.data} error={me.data ? undefined : me.error} onRetry={me.retry} empty={communities.length === 0 && '您还不是社区工作人员'}>
        {communities.map((community) => (
          <ExportForm key={community._id} community={community} />
        ))}
      </LoadState>
    </PageShell>
  )
}

function ExportForm({ community }: { community: CommunityRef }) {
  const [from, setFrom] = useState(dayjs(todayInChina()).startOf('year').format('YYYY-MM-DD'))
  const [to, setTo] = useState(todayInChina())
  const { busy, errors, run } = useSubmit()
  const exportNow = async () => {
    const { confirm } = await Taro.showModal({
      title: '导出志愿服务记录',
      content: `导出${community.name} ${from} 至 ${to} 的记录。表格含完整身份证号，请妥善保管，只用于录入志愿服务信息系统。`,
      confirmText: '导出',
      cancelText: '取消',
    })
    if (!confirm) return
    const result = await run(() => volunteerService.exportRecords(community._id, from, to), '未能导出')
    if (!result) return
    await saveTextFile(result.fileName, result.csv, CSV_TYPE)
    const missing = result.withoutId > 0 ? `，其中 ${result.withoutId} 条没有身份证号，请在系统中补全` : ''
    await Taro.showModal({ title: '已导出', content: `共 ${result.rows} 条记录${missing}。`, showCancel: false, confirmText: '知道了' })
  }
  return (
    <View className='card' data-testid='records-export'>
      <Text className='section-title'>{community.name}</Text>
      <FormField label='开始日期' required hint='按服务日期，格式 2026-01-01' error={errors.from}>
        <Input value={from} maxLength={10} onChange={setFrom} data-testid='export-from' />
      </FormField>
      <FormField label='结束日期' required hint='一次最多一年' error={errors.to}>
        <Input value={to} maxLength={10} onChange={setTo} data-testid='export-to' />
      </FormField>
      <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={() => void exportNow()}>
        导出表格（CSV）
      </Button>
    </View>
  )
}
