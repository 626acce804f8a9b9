// A free TCP port on loopback, for servers started by tests and the bench.
const net = require('net');

module.exports = function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no TCP port')),
      );
    });
    srv.on('error', reject);
  });
};
