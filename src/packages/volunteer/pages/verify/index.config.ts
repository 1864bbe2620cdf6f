export default definePageConfig({ navigationBarTitleText: '验证志愿服务证明' })
