// Jest only: @tarojs/taro-h5 exports its APIs by name, and the H5 build also hangs them, plus the
// page hooks of the React framework plugin, on the default export that app code imports. Do the same
// here so `Taro.setStorageSync` and `useDidShow` behave in tests as in the browser.
const h5 = jest.requireActual('@tarojs/taro-h5');
const framework = jest.requireActual('@tarojs/plugin-framework-react/dist/runtime');

// The framework learns which React to use when the app starts; tell it here the same way.
framework.createH5NativeComponentConfig(() => null, jest.requireActual('react'), jest.requireActual('react-dom'));

const hooks = Object.fromEntries(Object.entries(framework).filter(([name]) => name.startsWith('use')));
const taro = Object.assign(h5.default || {}, h5, hooks);

module.exports = { ...taro, __esModule: true, default: taro };
