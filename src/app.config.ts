// Window keys differ by platform: Alipay has its own names for some (Taro maps the title and bar colour)
// and none for the rest, so the WeChat-only keys stay out of its build.
const wechatWindow =
  process.env.TARO_ENV === 'alipay'
    ? {}
    : {
        backgroundTextStyle: 'light' as const,
        navigationBarTextStyle: 'white' as const,
        // H5 draws its own title bar with a back button only when this is set.
        navigationStyle: 'default' as const,
      };

export default defineAppConfig({
  pages: [
    'pages/index/index',
    'pages/login/index',
    'pages/family/index',
    'pages/bind/index',
    'pages/consent/index',
    'pages/result/index',
    'pages/records/index',
    'pages/pay/index',
    'pages/info/index',
  ],
  window: {
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '龙江医保',
    backgroundColor: '#f2f5f9',
    ...wechatWindow,
  },
  // WeChat: inject only the components a page uses (its code-quality check asks for it), and say which
  // pages its search may index (sitemap.json, copied by config/index.ts).
  ...(process.env.TARO_ENV === 'weapp'
    ? { lazyCodeLoading: 'requiredComponents' as const, sitemapLocation: 'sitemap.json' }
    : {}),
});
