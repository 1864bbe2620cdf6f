import { View, Text } from '@tarojs/components'
import { Button, Input } from '@nutui/nutui-react-taro'
import { FormField } from '@/components/form-field'
import { PageShell } from '@/components/page-shell'
import { CertificateDetails } from '@/components/certificate-details'
import { useCodeCheck } from '@/hooks/use-code-check'
import { volunteerService } from '@/services/volunteer'
import './index.scss'

/** Codes use letters and the digits 2–7 only, so a 0 or 1 someone types can only mean O or I. */
const readCode = (typed: string) => typed.toUpperCase().replace(/0/g, 'O').replace(/1/g, 'I')

/** 验证证明: anyone types the code printed on a 志愿服务证明 and learns whether it is genuine. */
export default function VerifyCertificatePage() {
  const { code, setCode, result, problem, busy, verify } = useCodeCheck(volunteerService.verifyCertificate)

  return (
    <PageShell>
      <View className='card'>
        <Text className='verify__text'>输入志愿服务证明下方的12位验证编号，查看证明是否由社区红十字会开具，以及证明上的每一项服务。</Text>
        <FormField label='验证编号' required error={problem}>
          <Input className='verify__input' value={code} maxLength={12} placeholder='例如 ABCD2345EFGH' onChange={(value) => setCode(readCode(value))} data-testid='verify-code' />
        </FormField>
        <Button block size='large' type='primary' loading={busy} onClick={verify}>
          验证
        </Button>
      </View>
      {result && (
        <View className={`card verify__result ${result.genuine ? 'verify__result--genuine' : 'verify__result--unknown'}`} data-testid='verify-result'>
          {result.genuine ? (
            <>
              <Text className='verify__verdict'>证明真实有效</Text>
              <CertificateDetails certificate={result.certificate} />
            </>
          ) : (
            <>
              <Text className='verify__verdict'>没有找到这份证明</Text>
              <Text className='verify__line'>请核对编号是否输入正确；如仍查不到，这份证明可能不是社区红十字会通过博爱家园出具的。</Text>
            </>
          )}
        </View>
      )}
    </PageShell>
  )
}
