import { AreaIntro } from '@/components/area-intro'

export default function AedHomePage() {
  return <AreaIntro title='附近的AED' description='查找离您最近的AED（自动体外除颤器），查看是否开放、设备是否完好，并一键导航。' />
}
