'use strict';

// restify requires spdy at load time but only calls it when a server is created with `spdy`
// options, which this bot never does. Failing loudly keeps that option from silently doing nothing.
function unsupported() {
  throw new Error('SPDY is not supported by this build (see vendor/spdy-unsupported).');
}

module.exports = { createServer: unsupported, Server: unsupported };
