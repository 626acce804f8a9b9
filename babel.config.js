// Under jest (NODE_ENV=test) the taro preset switches itself to CommonJS, so one file serves both.
module.exports = {
  presets: [['taro', { framework: 'react', ts: true, compiler: 'webpack5' }]],
};
