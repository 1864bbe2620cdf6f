import { View } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { FormField } from '@/components/form-field'
import { todayInChina } from '@/domain/dates'
import { fundService } from '@/services/fund'
import { CSV_TYPE, saveTextFile } from '@/services/save-file'
import { useSubmit } from '@/hooks/use-submit'

/** 导出: a period of the ledger as CSV for the finance office (full names: it stays in the office). */
export function ExportCard({ communityId }: { communityId: string }) {
  const [from, setFrom] = useState(dayjs(todayInChina()).startOf('year').format('YYYY-MM-DD'))
  const [to, setTo] = useState(todayInChina())
  const { busy, errors, run } = useSubmit()
  const exportNow = async () => {
    const result = await run(() => fundService.exportCsv(communityId, from, to), '未能导出')
    if (!result) return
    await saveTextFile(result.filename, result.csv, CSV_TYPE)
    await Taro.showToast({ title: `已导出 ${result.rows} 条`, icon: 'success' })
  }
  return (
    <View className='card'>
      <FormField label='开始日期' required error={errors.from}>
        <Input value={from} maxLength={10} onChange={setFrom} />
      </FormField>
      <FormField label='结束日期' required error={errors.to}>
        <Input value={to} maxLength={10} onChange={setTo} />
      </FormField>
      <Button block fill='outline' loading={busy} onClick={() => void exportNow()} data-testid='fund-export'>
        导出表格（CSV）
      </Button>
    </View>
  )
}
