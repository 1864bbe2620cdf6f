import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { formatChinaTime } from '@/domain/dates'
import { IMPORT_STATUS_LABELS, type ImportSummary } from '@/domain/import/contract'
import { KIND_LABELS } from '@/domain/import/kinds'

type Props = { item: ImportSummary; onUndo(item: ImportSummary): void }

/** One past import: what, when, by whom, what it wrote, and 撤销 while it may be undone. */
export function ImportHistoryItem({ item, onUndo }: Props) {
  return (
    <View className='card' data-testid='import-history-item'>
      <Text className='section-title'>
        {KIND_LABELS[item.kind]} · {IMPORT_STATUS_LABELS[item.status]}
      </Text>
      <Text className='hint'>
        {item.communityName} · {item.fileName} · {item.byName} · {formatChinaTime(item.createdAt)}
      </Text>
      <Text className='hint'>
        共{item.total}行，{item.status === 'previewed' ? `可导入${item.okCount}行` : `写入${item.added}行`}，有误{item.badCount}行{item.removed ? `，已撤销${item.removed}条` : ''}
      </Text>
      {item.undoUntil && (
        <View className='staff-actions'>
          <Button type='danger' fill='outline' onClick={() => onUndo(item)} data-testid='import-undo'>
            撤销导入（{formatChinaTime(item.undoUntil)}前）
          </Button>
        </View>
      )}
    </View>
  )
}
