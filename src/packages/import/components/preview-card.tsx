import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import type { PreviewAnswer } from '@/domain/import/contract'
import './preview-card.scss'

type Props = { preview: PreviewAnswer; busy: boolean; onCommit(): void }

/** What a file would bring in, row by row, before anything is written. */
export function PreviewCard({ preview, busy, onCommit }: Props) {
  const bad = preview.rows.filter((r) => r.state === 'bad')
  const shownOk = preview.rows.filter((r) => r.state !== 'bad')
  const committed = preview.status === 'committed'
  return (
    <View className='card preview-card' data-testid='import-preview'>
      <Text className='section-title'>检查结果：{preview.fileName}</Text>
      <Text className='preview-card__counts' data-testid='preview-counts'>
        共{preview.total}行：可以导入{preview.okCount}行，已导入过{preview.existsCount}行，有误{preview.badCount}行
      </Text>
      {preview.okCount > 0 && !committed && <Text className='hint'>导入大约需要{preview.estimatedSeconds}秒。有误的行不会导入，改正后可以再传一次。</Text>}
      {bad.length > 0 && (
        <View className='preview-card__errors' data-testid='preview-errors'>
          <Text className='preview-card__heading'>有误的行</Text>
          {bad.map((r) => (
            <View key={r.row} className='preview-card__row preview-card__row--bad' data-testid='preview-bad-row'>
              <Text className='preview-card__row-title'>
                第{r.row}行{r.label ? `（${r.label}）` : ''}
              </Text>
              {r.errors.map((e, i) => (
                <Text key={i} className='preview-card__error'>
                  {e.column ? `${e.column}：` : ''}
                  {e.message}
                </Text>
              ))}
            </View>
          ))}
        </View>
      )}
      {shownOk.length > 0 && (
        <View className='preview-card__ok'>
          <Text className='preview-card__heading'>{preview.okCount + preview.existsCount > shownOk.length ? `没有问题的行（前${shownOk.length}行）` : '没有问题的行'}</Text>
          {shownOk.map((r) => (
            <Text key={r.row} className='preview-card__row'>
              第{r.row}行 {r.label}
              {r.state === 'exists' ? '（已导入过，跳过）' : ''}
            </Text>
          ))}
        </View>
      )}
      {!committed && preview.okCount > 0 && (
        <Button block type='primary' size='large' loading={busy} disabled={busy} onClick={onCommit} data-testid='import-commit'>
          导入{preview.okCount}行
        </Button>
      )}
      {committed && <Text className='preview-card__done' data-testid='import-done'>已导入{preview.added}行</Text>}
    </View>
  )
}
