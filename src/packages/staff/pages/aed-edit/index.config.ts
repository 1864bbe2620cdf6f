export default definePageConfig({ navigationBarTitleText: '登记AED' })
