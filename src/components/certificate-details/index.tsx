import { View, Text, Image } from '@tarojs/components'
import { formatChinaTime } from '@/domain/dates'
import { ID_TYPE_LABELS } from '@/domain/volunteer/certificate'
import type { ServiceCertificate } from '@/domain/volunteer/contract'
import './index.scss'

/**
 * What a 志愿服务记录证明 says, as text (民发〔2015〕149号): who, which identity document and volunteer
 * number, each service item, the issuing organisation, 负责人, 经办人, number and seal.
 */
export function CertificateDetails({ certificate }: { certificate: ServiceCertificate }) {
  return (
    <View className='certificate-details' data-testid='certificate-details'>
      <Text className='certificate-details__line'>证明编号：{certificate.number}</Text>
      <Text className='certificate-details__line'>志愿者：{certificate.name}</Text>
      <Text className='certificate-details__line'>
        证件：{certificate.idType ? `${ID_TYPE_LABELS[certificate.idType]} ${certificate.idNumberMasked}` : '未登记'}
      </Text>
      <Text className='certificate-details__line'>志愿者编号：{certificate.volunteerNumber}</Text>
      <Text className='certificate-details__line'>
        服务时间：{certificate.from} 至 {certificate.to}，共 {certificate.hours} 小时
      </Text>
      <View className='certificate-details__items'>
        {certificate.items.map((item, index) => (
          <View key={index} className='certificate-details__item' data-testid='certificate-item'>
            <Text className='certificate-details__line'>
              {item.serviceFrom === item.serviceDate ? item.serviceDate : `${item.serviceFrom} 至 ${item.serviceDate}`} · {item.hours} 小时
            </Text>
            <Text className='hint'>
              {item.content}（{item.place}）
            </Text>
          </View>
        ))}
      </View>
      <Text className='certificate-details__line'>出具单位：{certificate.issuer.orgName}</Text>
      <Text className='certificate-details__line'>
        负责人：{certificate.issuer.leaderName} · 经办人：{certificate.issuer.handlerName}
      </Text>
      <Text className='hint'>出具时间：{formatChinaTime(certificate.issuedAt)}</Text>
      {certificate.issuer.sealUrl && <Image className='certificate-details__seal' src={certificate.issuer.sealUrl} mode='aspectFit' />}
    </View>
  )
}
