import { AreaIntro } from '@/components/area-intro'

export default function StaffHomePage() {
  return <AreaIntro title='工作台' description='社区红十字工作人员在这里审核入会申请和心愿、管理AED与课程。' />
}
