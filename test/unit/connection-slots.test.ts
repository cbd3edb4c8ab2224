import { describe, expect, it } from 'vitest';
import { ConnectionSlots, type Connection } from '../../src/app/connection-slots.ts';

interface Fake extends Connection {
  destroyed: boolean;
}

const connection = (remoteAddress: string): Fake => ({
  remoteAddress,
  destroyed: false,
  destroy() {
    this.destroyed = true;
  },
});

/** A connection that answered one request and now waits, kept alive. */
function idle(slots: ConnectionSlots, address: string): Fake {
  const c = connection(address);
  expect(slots.admit(c)).toBe(true);
  slots.requestStarted(c);
  slots.requestEnded(c);
  return c;
}

describe('connection slots', () => {
  it('when full, closes the connection idle longest to make room', () => {
    const slots = new ConnectionSlots({ total: 3, perAddress: 0 });
    const [first, second, third] = [idle(slots, 'a'), idle(slots, 'a'), idle(slots, 'a')];
    slots.requestStarted(first!); // busy again: not idle
    const other = connection('b');
    expect(slots.admit(other)).toBe(true);
    expect([first!.destroyed, second!.destroyed, third!.destroyed]).toEqual([false, true, false]);
  });

  it('refuses a new connection when every open one is busy or waits for its first request', () => {
    const slots = new ConnectionSlots({ total: 2, perAddress: 0 });
    const busy = idle(slots, 'a');
    slots.requestStarted(busy);
    expect(slots.admit(connection('a'))).toBe(true); // no request yet
    expect(slots.admit(connection('b'))).toBe(false);
    slots.requestEnded(busy);
    expect(slots.admit(connection('b'))).toBe(true);
    expect(busy.destroyed).toBe(true);
  });

  it('holds one address to its cap, closing its own idle connections first, never another’s', () => {
    const slots = new ConnectionSlots({ total: 100, perAddress: 2 });
    const theirs = idle(slots, 'b');
    const [older, newer] = [idle(slots, 'a'), idle(slots, 'a')];
    expect(slots.admit(connection('a'))).toBe(true);
    expect([older!.destroyed, newer!.destroyed, theirs.destroyed]).toEqual([true, false, false]);
    slots.requestStarted(newer!);
    expect(slots.admit(connection('a'))).toBe(false);
    expect(slots.admit(connection('b'))).toBe(true);
  });

  it('frees the slot of a connection that closed, and counts pipelined requests', () => {
    const slots = new ConnectionSlots({ total: 1, perAddress: 0 });
    const c = connection('a');
    slots.admit(c);
    slots.requestStarted(c);
    slots.requestStarted(c);
    slots.requestEnded(c);
    expect(slots.admit(connection('b'))).toBe(false); // one request still in progress
    slots.closed(c);
    expect(slots.admit(connection('b'))).toBe(true);
    expect(c.destroyed).toBe(false);
  });

  it("counts an IPv6 client's whole /64 against one address's cap", () => {
    const slots = new ConnectionSlots({ total: 10, perAddress: 2 });
    const [first, second] = [connection('2001:db8:1:2::1'), connection('2001:db8:1:2::2')];
    expect([slots.admit(first), slots.admit(second)]).toEqual([true, true]);
    slots.requestStarted(first);
    slots.requestStarted(second);
    expect(slots.admit(connection('2001:db8:1:2:ffff::3'))).toBe(false);
    expect(slots.admit(connection('2001:db8:1:3::1'))).toBe(true);
  });
});
