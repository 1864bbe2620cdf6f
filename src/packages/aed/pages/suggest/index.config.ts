export default definePageConfig({ navigationBarTitleText: '新增AED' })
