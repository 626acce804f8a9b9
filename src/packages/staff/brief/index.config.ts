export default definePageConfig({ navigationBarTitleText: '研究任务' });
