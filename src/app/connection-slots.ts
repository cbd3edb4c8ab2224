// Open connections are shared by every client: HTTP_MAX_CONNECTIONS of them per process. Node's own
// cap (server.maxConnections) drops each new connection once it is reached, however many of the open
// ones sit idle between requests, kept alive for HTTP_KEEP_ALIVE_TIMEOUT_MS (65 s): one address that
// asked one cheap question on each of 1,024 connections locked every other client out. So here:
// - one address holds at most HTTP_MAX_CONNECTIONS_PER_ADDRESS connections (0: only the total cap);
// - at either cap, the connection that has been idle longest (of that address at its own cap) is
//   closed to make room, and the new one is refused only when none is idle.
// Connections still waiting for their first request are not idle here: the headers timeout closes
// those. Closing an idle kept-alive connection is what the keep-alive timeout does anyway; a client
// that was just reusing it sees the usual keep-alive race, which HTTP clients retry.
import type { Server } from 'node:http';
import { addressKeyOf } from '../api/http/address-key.ts';

interface ConnectionCaps {
  /** Open connections at most (HTTP_MAX_CONNECTIONS). */
  total: number;
  /** Open connections of one address at most (HTTP_MAX_CONNECTIONS_PER_ADDRESS); 0: no such cap. */
  perAddress: number;
}

/** What is needed of a connection (a net.Socket). */
export interface Connection {
  readonly remoteAddress?: string | undefined;
  destroy(): void;
}

export class ConnectionSlots {
  private readonly byAddress = new Map<string, Set<Connection>>();
  private readonly addressOf = new Map<Connection, string>();
  /** Requests in progress per connection. */
  private readonly active = new Map<Connection, number>();
  /** Idle connections (between two requests), longest idle first. */
  private readonly idle = new Set<Connection>();

  constructor(private readonly caps: ConnectionCaps) {}

  /** Takes a slot for a new connection, closing an idle one if need be; false when there is none. */
  admit(connection: Connection): boolean {
    const address = addressKeyOf(connection.remoteAddress ?? 'unknown');
    const held = this.byAddress.get(address)?.size ?? 0;
    if (this.caps.perAddress > 0 && held >= this.caps.perAddress && !this.closeIdle(address)) return false;
    if (this.addressOf.size >= this.caps.total && !this.closeIdle(null)) return false;
    this.addressOf.set(connection, address);
    const own = this.byAddress.get(address) ?? new Set<Connection>();
    this.byAddress.set(address, own.add(connection));
    return true;
  }

  /** A request began on the connection. */
  requestStarted(connection: Connection): void {
    this.active.set(connection, (this.active.get(connection) ?? 0) + 1);
    this.idle.delete(connection);
  }

  /** A request's response is done; the connection is idle once none is in progress. */
  requestEnded(connection: Connection): void {
    const left = (this.active.get(connection) ?? 1) - 1;
    if (left > 0) {
      this.active.set(connection, left);
    } else {
      this.active.delete(connection);
      if (this.addressOf.has(connection)) this.idle.add(connection);
    }
  }

  /** The connection closed: its slot is free. */
  closed(connection: Connection): void {
    const address = this.addressOf.get(connection);
    if (address === undefined) return;
    this.addressOf.delete(connection);
    this.active.delete(connection);
    this.idle.delete(connection);
    const own = this.byAddress.get(address);
    own?.delete(connection);
    if (own?.size === 0) this.byAddress.delete(address);
  }

  /** Closes the longest idle connection (of `address`, or of anyone for null); false when none is. */
  private closeIdle(address: string | null): boolean {
    for (const connection of this.idle) {
      if (address !== null && this.addressOf.get(connection) !== address) continue;
      this.closed(connection);
      connection.destroy();
      return true;
    }
    return false;
  }
}

/** Enforces `caps` on the server's connections; `refused` hears of each connection turned away. */
export function capConnections(server: Server, caps: ConnectionCaps, refused: () => void): void {
  const slots = new ConnectionSlots(caps);
  server.on('connection', (socket) => {
    if (!slots.admit(socket)) {
      refused();
      return socket.destroy();
    }
    socket.once('close', () => slots.closed(socket));
  });
  // Before the route runs, so that a request answered at once is counted before it ends.
  server.prependListener('request', (request, response) => {
    slots.requestStarted(request.socket);
    response.once('close', () => slots.requestEnded(request.socket));
  });
}
