export default definePageConfig({ navigationBarTitleText: '红心愿' })
