export default definePageConfig({ navigationBarTitleText: '授权协议' });
