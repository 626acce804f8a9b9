// Where `npm start` listens: 127.0.0.1 by default; with --lan, the machine's LAN address (the first
// private IPv4 of an interface that is up), or the one given as --lan=ADDRESS.
const os = require('os');

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
const PRIVATE = [/^10\./, /^192\.168\./, /^172\.(1[6-9]|2\d|3[01])\./];

/** The first private IPv4 address among the interfaces, or null. */
function lanAddress(interfaces = os.networkInterfaces()) {
  const all = Object.values(interfaces)
    .flat()
    .filter((i) => i && (i.family === 'IPv4' || i.family === 4) && !i.internal);
  const found = all.find((i) => PRIVATE.some((re) => re.test(i.address))) || all[0];
  return found ? found.address : null;
}

/**
 * Reads --lan / --lan=ADDRESS from the arguments. Returns { host, lan }: the address to listen on and
 * put into links, and whether it is meant for other devices. Throws with a plain message otherwise.
 */
function listenAddress(argv, interfaces) {
  const arg = argv.find((a) => a === '--lan' || a.startsWith('--lan='));
  if (!arg) return { host: '127.0.0.1', lan: false };
  const given = arg.includes('=') ? arg.slice(arg.indexOf('=') + 1) : '';
  if (given) {
    if (!IPV4.test(given)) throw new Error(`--lan=${given}: give an IPv4 address such as 192.168.1.20`);
    if (given === '0.0.0.0') throw new Error('--lan=0.0.0.0: give the address phones will open, not 0.0.0.0');
    return { host: given, lan: true };
  }
  const found = lanAddress(interfaces);
  if (!found)
    throw new Error(
      '--lan: this machine has no LAN address (is Wi-Fi or Ethernet connected?); give one with --lan=ADDRESS',
    );
  return { host: found, lan: true };
}

module.exports = { lanAddress, listenAddress };
