export default definePageConfig({ navigationBarTitleText: '任务评价' });
