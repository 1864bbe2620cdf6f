import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { formatYuan } from '@/domain/fund/rules'
import { useCodeCheck } from '@/hooks/use-code-check'
import { fundService } from '@/services/fund'
import './index.scss'

/** 核验捐赠证明: anyone types a receipt's code and sees what it certifies (and its place in the public ledger). */
export default function FundReceiptPage() {
  const { code, setCode, result: receipt, problem, busy, verify } = useCodeCheck(fundService.verifyReceipt)

  return (
    <PageShell>
      <View className='card'>
        <Text className='receipt__text'>输入捐赠证明上的核验码（如 ABCD-2345-EFGH），查看这笔捐赠是否已记入社区博爱互助金公开账本。</Text>
        <FormField label='核验码' required error={problem}>
          <Input value={code} maxLength={14} placeholder='XXXX-XXXX-XXXX' onChange={(value) => setCode(value.toUpperCase())} data-testid='receipt-code' />
        </FormField>
        <Button block size='large' type='primary' loading={busy} onClick={() => void verify()} data-testid='receipt-verify'>
          核验
        </Button>
      </View>
      {receipt && (
        <View className={`card receipt__result ${receipt.reversed ? 'receipt__result--reversed' : ''}`} data-testid='receipt-result'>
          <Text className='receipt__verdict'>{receipt.reversed ? '这笔捐赠已被冲正' : '捐赠证明真实有效'}</Text>
          <Text className='receipt__text'>捐赠人：{receipt.donor}</Text>
          <Text className='receipt__text'>金额：{formatYuan(receipt.amountFen)} 元</Text>
          <Text className='receipt__text'>
            {receipt.communityName}博爱互助金 · {receipt.date} · 公开账本第 {receipt.seq} 条
          </Text>
          <Text className='hint'>开具日期：{receipt.issuedOn}</Text>
        </View>
      )}
    </PageShell>
  )
}
