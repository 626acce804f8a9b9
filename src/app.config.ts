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
  // Researchers' screens and code: downloaded only by a device opened for a research session.
  subPackages: [{ root: 'packages/staff', pages: ['session/index'] }],
  window: {
    backgroundTextStyle: 'light',
    navigationBarBackgroundColor: '#1a5fb4',
    navigationBarTitleText: '龙江医保',
    navigationBarTextStyle: 'white',
    backgroundColor: '#f2f5f9',
    // H5 draws its own title bar with a back button only when this is set.
    navigationStyle: 'default',
  },
});
