'use strict';
/**
 * Loopback-only network guard. Preload it into any Node process that must stay on this machine:
 *   NODE_OPTIONS="--require /abs/path/scripts/loopback-guard.cjs" node tool.js
 * Every TCP/TLS connect, UDP send and DNS lookup whose host is not loopback (127.0.0.0/8, ::1,
 * localhost, *.localhost) fails with ECONNREFUSED (DNS: ENOTFOUND) before any packet leaves.
 * Unix sockets and named pipes are allowed. `npm run dev` and the browser test preload it into the
 * Agents Playground (which probes the Azure metadata address 169.254.169.254 at startup) and the bot.
 * Set LOOPBACK_GUARD_QUIET=1 to silence the one-line notice printed for each refusal.
 */
const net = require('node:net');
const dns = require('node:dns');
const dgram = require('node:dgram');

function isLoopbackHost(value) {
  if (value === undefined || value === null || value === '') return true;
  const host = String(value)
    .trim()
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (net.isIPv4(host)) return host.split('.')[0] === '127';
  if (net.isIPv6(host)) {
    if (host === '::1' || /^(0{1,4}:){7}0{0,3}1$/.test(host)) return true;
    const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(host);
    return mapped !== null && mapped[1].split('.')[0] === '127';
  }
  return false;
}

function reportRefusal(what, code) {
  const error = new Error(
    `loopback-guard: refused ${what} (only 127.0.0.0/8, ::1 and localhost are allowed)`,
  );
  error.code = code;
  if (!process.env.LOOPBACK_GUARD_QUIET) process.stderr.write(`${error.message}\n`);
  return error;
}

function readConnectTarget(args) {
  let first = args[0];
  if (Array.isArray(first)) first = first[0];
  if (first && typeof first === 'object') {
    return first.path !== undefined ? { local: true } : { local: false, host: first.host };
  }
  if (typeof first === 'number' || (typeof first === 'string' && /^\d+$/.test(first))) {
    return { local: false, host: typeof args[1] === 'string' ? args[1] : undefined };
  }
  return { local: typeof first === 'string' };
}

const originalConnect = net.Socket.prototype.connect;
net.Socket.prototype.connect = function connectLoopbackOnly(...args) {
  const target = readConnectTarget(args);
  if (!target.local && !isLoopbackHost(target.host)) {
    const error = reportRefusal(`connection to ${target.host}`, 'ECONNREFUSED');
    process.nextTick(() => this.destroy(error));
    return this;
  }
  return originalConnect.apply(this, args);
};

function guardLookup(original) {
  return function lookupLoopbackOnly(hostname, ...rest) {
    if (isLoopbackHost(hostname)) return original.call(this, hostname, ...rest);
    const callback = rest.find((arg) => typeof arg === 'function');
    const error = reportRefusal(`DNS lookup of ${hostname}`, 'ENOTFOUND');
    if (callback) process.nextTick(() => callback(error));
    return undefined;
  };
}

function guardPromiseLookup(original) {
  return function lookupLoopbackOnly(hostname, ...rest) {
    if (isLoopbackHost(hostname)) return original.call(this, hostname, ...rest);
    return Promise.reject(reportRefusal(`DNS lookup of ${hostname}`, 'ENOTFOUND'));
  };
}

dns.lookup = guardLookup(dns.lookup);
dns.promises.lookup = guardPromiseLookup(dns.promises.lookup);
for (const name of [
  'resolve',
  'resolve4',
  'resolve6',
  'resolveAny',
  'resolveCname',
  'resolveTxt',
  'resolveSrv',
]) {
  if (typeof dns[name] === 'function') dns[name] = guardLookup(dns[name]);
  if (typeof dns.promises[name] === 'function') dns.promises[name] = guardPromiseLookup(dns.promises[name]);
}

const originalSend = dgram.Socket.prototype.send;
dgram.Socket.prototype.send = function sendLoopbackOnly(...args) {
  const address = args.find((arg, index) => index > 0 && typeof arg === 'string');
  if (address !== undefined && !isLoopbackHost(address)) {
    const callback = args.find((arg) => typeof arg === 'function');
    const error = reportRefusal(`UDP send to ${address}`, 'ECONNREFUSED');
    if (callback) process.nextTick(() => callback(error));
    return undefined;
  }
  return originalSend.apply(this, args);
};

const originalUdpConnect = dgram.Socket.prototype.connect;
dgram.Socket.prototype.connect = function connectUdpLoopbackOnly(port, address, callback) {
  if (typeof address === 'string' && !isLoopbackHost(address)) {
    const error = reportRefusal(`UDP connect to ${address}`, 'ECONNREFUSED');
    const done = typeof callback === 'function' ? callback : undefined;
    process.nextTick(() => (done ? done(error) : this.emit('error', error)));
    return undefined;
  }
  return originalUdpConnect.call(this, port, address, callback);
};

require('node:module').syncBuiltinESMExports();

module.exports = { isLoopbackHost };
