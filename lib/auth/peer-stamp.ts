/**
 * Next copies a client's own X-Forwarded-For through untouched and only fills it in when absent, so
 * the socket address is otherwise lost before a route or action runs. This stamps it on every
 * request under PEER_HEADER, overwriting anything a client sent under that name. Installed once per
 * process from instrumentation.ts (the HTTP server runs in the same process).
 */
import http from 'node:http';
import { normalise, PEER_HEADER } from './client-address';

const STAMPED = Symbol.for('mentor-match.peer-stamp');

export function stampPeerAddress(): void {
  const proto = http.Server.prototype as http.Server & Record<symbol, unknown>;
  if (proto[STAMPED]) return;
  proto[STAMPED] = true;
  const emit = proto.emit;
  proto.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const req = args[0] as http.IncomingMessage;
      req.headers[PEER_HEADER] = normalise(req.socket?.remoteAddress ?? '') || 'unknown';
    }
    return (emit as (...a: unknown[]) => boolean).apply(this, [event, ...args]);
  } as typeof proto.emit;
}

