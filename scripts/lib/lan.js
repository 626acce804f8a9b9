// Where `npm start` listens: 127.0.0.1 by default; with --lan, the machine's LAN address (the first
// private IPv4 of an interface that is up), or the one given as --lan=ADDRESS.
const os = require('os');

const IPV4 = /^(25[0-5]|2[0-4]\d|1?\d?\d)(\.(25[0-5]|2[0-4]\d|1?\d?\d)){3}$/;
// Home and office Wi-Fi first; 172.16/12 last, as container bridges live there too.
const PRIVATE = [/^192\.168\./, /^10\./, /^172\.(1[6-9]|2\d|3[01])\./];
// Bridges of containers and virtual machines: no phone is on the other side.
const VIRTUAL = /^(docker|br-|veth|virbr|vmnet|vboxnet|cni|flannel|tun|tap|utun|zt|tailscale|wg)/;

/** The private IPv4 address a phone on the same Wi-Fi can reach, or null. */
function lanAddress(interfaces = os.networkInterfaces()) {
  const all = Object.entries(interfaces)
    .filter(([name]) => !VIRTUAL.test(name))
    .flatMap(([, list]) => list || [])
    .filter((i) => (i.family === 'IPv4' || /** @type {unknown} */ (i.family) === 4) && !i.internal);
  for (const re of PRIVATE) {
    const found = all.find((i) => re.test(i.address));
    if (found) return found.address;
  }
  return all[0]?.address ?? null;
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
