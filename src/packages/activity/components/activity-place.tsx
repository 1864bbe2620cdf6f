import { Map, View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import Taro from '@tarojs/taro'
import type { ActivityView } from '@/domain/activity/contract'
import { formatDistance } from '@/domain/geo'
import { navigateTo } from '@/services/location'
import './activity-place.scss'

/**
 * Where the activity is: on WeChat the native map with its point and navigation by WeChat's own
 * map; on H5 (no map tiles) the address and how far it is.
 */
export function ActivityPlace({ activity }: { activity: ActivityView }) {
  const { latitude, longitude, address } = activity.location
  const navigate = () => {
    if (!navigateTo({ latitude, longitude, name: activity.title, address })) {
      void Taro.showModal({ title: '活动地点', content: `${address}。在微信小程序中可以直接打开地图导航。`, showCancel: false, confirmText: '知道了' })
    }
  }
  return (
    <View className='card activity-place' data-testid='activity-place'>
      <Text className='section-title activity-place__title'>活动地点</Text>
      {process.env.TARO_ENV === 'weapp' && (
        <Map
          className='activity-place__map'
          latitude={latitude}
          longitude={longitude}
          scale={16}
          showLocation
          markers={[{ id: 0, latitude, longitude, width: 32, height: 32, iconPath: '', callout: { content: address, display: 'ALWAYS', padding: 6, borderRadius: 6, color: '#1f1f1f', fontSize: 14, bgColor: '#ffffff', textAlign: 'center', anchorX: 0, anchorY: 0, borderWidth: 1, borderColor: '#c8102e' } }]}
          onTap={navigate}
          onError={() => undefined}
        />
      )}
      <Text className='activity-place__address'>{address}</Text>
      {activity.distanceMeters !== null && <Text className='hint'>距您 {formatDistance(activity.distanceMeters)}</Text>}
      <Button block size='large' fill='outline' onClick={navigate}>
        导航去这里
      </Button>
    </View>
  )
}
