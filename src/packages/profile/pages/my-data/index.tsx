import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import { LoadState } from '@/components/load-state'
import { PageShell } from '@/components/page-shell'
import { MY_DATA_LABELS, type Plain } from '@/domain/user/contract'
import { useRemote } from '@/hooks/use-remote'
import { saveTextFile } from '@/services/save-file'
import { messageOf } from '@/services/service-error'
import { userService } from '@/services/user'
import { pages } from '@/routes'
import './index.scss'

const show = (value: Plain): string => (value === null ? '—' : typeof value === 'object' ? JSON.stringify(value) : String(value))

/**
 * 我的数据 (查阅、复制, PIPL 第四十五条): everything stored about the person, section by section,
 * and the whole of it as a file to keep. 更正 of what staff verified goes through the station.
 */
export default function MyDataPage() {
  const { data, error, loading, retry } = useRemote(() => userService.myData())
  const download = async () => {
    if (!data) return
    try {
      await saveTextFile(`我的数据-${data.generatedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2))
    } catch (failure) {
      await Taro.showModal({ title: '未能保存文件', content: messageOf(failure), showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <PageShell>
      <View className='card'>
        <Text className='section-title'>我们保存的关于您的信息</Text>
        <Text className='hint'>下面是本小程序保存的全部关于您的记录。可以下载为文件保存。入会信息有误时，可以在 我的 → 红十字会员 → 申请更正 中提出，工作人员核实后修改。</Text>
        <Button block type='primary' size='large' disabled={!data} onClick={download} data-testid='download-my-data'>
          下载我的数据
        </Button>
        <Button block size='large' className='my-data__privacy' onClick={() => Taro.navigateTo({ url: pages.privacy })}>
          查看隐私说明
        </Button>
      </View>
      <LoadState loading={loading && !data} error={data ? undefined : error} onRetry={retry}>
        {data?.sections.map((section) => (
          <View key={section.title} className='card' data-testid='my-data-section'>
            <Text className='section-title'>
              {section.title}（{section.items.length}条）
            </Text>
            {section.items.length === 0 && <Text className='hint'>没有记录</Text>}
            {section.items.map((item, i) => (
              <View key={i} className='my-data__item'>
                {Object.entries(item).map(([key, value]) => (
                  <Text key={key} className='my-data__field'>
                    {MY_DATA_LABELS[key] ?? key}：{show(value)}
                  </Text>
                ))}
              </View>
            ))}
          </View>
        ))}
      </LoadState>
    </PageShell>
  )
}
