export default definePageConfig({ navigationBarTitleText: '会员备案' })
