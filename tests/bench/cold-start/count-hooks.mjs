// Module-loader hooks for the cold-start bench's module count: every URL that is loaded is posted
// to the main thread (see probe.mjs).
let port;

export function initialize(data) {
  port = data.port;
}

export async function load(url, context, nextLoad) {
  port?.postMessage(url);
  return nextLoad(url, context);
}
