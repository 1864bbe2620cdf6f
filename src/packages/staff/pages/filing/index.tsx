import { View, Text } from '@tarojs/components'
import { Button, Tag } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { PagedList } from '@/components/paged-list'
import { PageShell } from '@/components/page-shell'
import { todayInChina } from '@/domain/dates'
import { GENDERS } from '@/domain/member/application'
import type { FilingRow } from '@/domain/member/contract'
import { usePagedList } from '@/hooks/use-paged-list'
import { memberService } from '@/services/member'
import { saveTextFile } from '@/services/save-file'
import { messageOf } from '@/services/service-error'
import './index.scss'

/**
 * 会员备案 for the district Red Cross: this year's new members of every community of the district,
 * ID numbers masked; opening one in full is asked first and recorded; the year as a CSV file.
 */
export default function FilingPage() {
  const year = todayInChina().slice(0, 4)
  const period = { joinedFrom: `${year}-01-01`, joinedTo: `${year}-12-31` }
  const list = usePagedList<FilingRow>((page) => memberService.filing(period.joinedFrom, period.joinedTo, page), [year])
  const [opened, setOpened] = useState<Record<string, string>>({})

  const open = async (row: FilingRow) => {
    const { confirm } = await Taro.showModal({ title: '查看完整身份证号', content: `查看 ${row.name} 的完整身份证号会被记录，本人可以看到。确定查看吗？`, confirmText: '查看', cancelText: '取消' })
    if (!confirm) return
    try {
      const full = await memberService.get(row.applicationId)
      setOpened((previous) => ({ ...previous, [row.applicationId]: full.idNumber }))
    } catch (failure) {
      await Taro.showModal({ title: '未能查看', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    }
  }

  const exportCsv = async () => {
    try {
      const file = await memberService.filingExport(period.joinedFrom, period.joinedTo)
      await saveTextFile(file.fileName, file.csv)
    } catch (failure) {
      await Taro.showModal({ title: '未能导出', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    }
  }

  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>{year}年入会会员备案</Text>
        <Text className='hint'>按《中国红十字会会员管理办法》，社区红十字会批准的会员报区红十字会备案。身份证号只显示部分号码。</Text>
        <Button block type='primary' size='large' onClick={exportCsv} data-testid='filing-export'>
          导出备案表（CSV）
        </Button>
      </View>
      <PagedList list={list} empty={`${year}年还没有新入会的会员`}>
        {(row) => (
          <View key={row.applicationId} className='card filing__item' data-testid='filing-item'>
            <View className='filing__head'>
              <Text className='filing__name'>
                {row.name} · {GENDERS[row.gender]} · {row.memberNo}
              </Text>
              {row.youth && <Tag type='warning'>青少年</Tag>}
            </View>
            <Text className='hint'>
              {row.communityName} · {row.address} · 入会 {row.joinedAt}
            </Text>
            <Text className='hint'>{row.dues}</Text>
            <Text className='filing__id'>身份证号：{opened[row.applicationId] ?? row.idNumber}</Text>
            {!opened[row.applicationId] && (
              <Button size='small' onClick={() => void open(row)}>
                查看完整号码
              </Button>
            )}
          </View>
        )}
      </PagedList>
    </PageShell>
  )
}
