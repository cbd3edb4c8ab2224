// The share history in "My suppliers": every grant and revoke of the organization's shares, given or
// received, newest first, ten at a time (`shareEvents` and its cursors). Read apart from the rest of
// the panel, so that a server without paged trails loses this list only.
import { IMPORT_ACTOR } from '../../src/domain/access-requests.ts';
import { graphql } from './api.ts';
import { day, errorMessage, h } from './dom.ts';
import { isolate } from './bidi.ts';
import { shareScope, type OwnItems, type Share } from './shares.ts';

export const PAGE = 10;

export const SHARE_EVENTS = `query($after: String) {
  shareEvents(first: ${PAGE}, after: $after) {
    cursor action at actorUserId
    share { id scope owner { id name } recipient { id name } linkIds disclosureIds expiresAt }
  }
}`;

export interface ShareEvent {
  cursor: string;
  action: 'GRANTED' | 'REVOKED';
  at: string;
  /** Null on another organization's events: its users are its own business (the server says so). */
  actorUserId: string | null;
  share: Share & {
    owner: { id: string; name: string };
    recipient: { id: string; name: string };
    expiresAt: string | null;
  };
}

/**
 * One event as a sentence from the viewer's side: what it shares, or shared, with whom (which of its
 * own links or disclosures, named by `own`), and until when a grant holds (the recipient sees the end
 * nowhere else).
 */
function eventLine(event: ShareEvent, ownId: string, own: OwnItems): string {
  const { share } = event;
  const granted = event.action === 'GRANTED';
  const verb = granted ? 'shared' : 'stopped sharing';
  const what =
    share.owner.id === ownId
      ? `You ${verb} ${shareScope(share, own)} with ${isolate(share.recipient.name)}`
      : `${isolate(share.owner.name)} ${verb} ${shareScope(share).replace(/^your /, 'its ')} with you`;
  const until = granted && share.expiresAt !== null ? ` until ${day(share.expiresAt)}` : '';
  return `${day(event.at)} · ${what}${until}${actedBy(event.actorUserId)}`;
}

/**
 * Who acted, when the server names them: a user of the organization, or the import, which records an
 * event for a share that a platform administrator's file carried without one (no person to name).
 */
export const actedBy = (userId: string | null): string =>
  userId === null
    ? ''
    : userId === IMPORT_ACTOR
      ? ' (recorded by a data import, not by a user)'
      : ` (by ${userId})`;

/**
 * The history section; it fills itself, and each "Show older" adds the next page. The button stays
 * focusable while a page loads (aria-disabled, not disabled, which would drop a keyboard user's focus
 * to the top of the page); when the history ends, the focus moves to the line that says so, and a
 * page that failed says so beside the button, under the events already listed.
 */
export function shareHistory(token: string, ownId: string, own: OwnItems): HTMLElement {
  const list = h('ul', { class: 'share-events' });
  const status = h('p', { class: 'share-events-status', role: 'status', tabindex: -1 }, 'Loading…');
  const older = h('button', { type: 'button', class: 'share-events-older', hidden: true }, 'Show older');
  const failed = h('p', { class: 'share-events-error', role: 'alert', hidden: true });
  let after: string | null = null;
  let loading = false;
  const more = async () => {
    if (loading) return;
    loading = true;
    older.setAttribute('aria-disabled', 'true');
    failed.hidden = true;
    const first = after === null;
    try {
      const data = await graphql<{ shareEvents: ShareEvent[] }>(SHARE_EVENTS, { after }, token);
      const events = data.shareEvents;
      list.append(
        ...events.map((e) =>
          h(
            'li',
            { class: `share-event action-${e.action}`, 'data-share-id': e.share.id },
            eventLine(e, ownId, own),
          ),
        ),
      );
      after = events.at(-1)?.cursor ?? after;
      older.textContent = 'Show older';
      const ended = events.length < PAGE;
      const focused = document.activeElement === older;
      older.hidden = ended;
      if (list.childElementCount === 0) status.textContent = 'No grant or revoke recorded yet.';
      else status.textContent = ended && !first ? 'No older events.' : '';
      if (ended && focused) status.focus();
    } catch (error) {
      if (first) {
        status.textContent = `Could not load the share history: ${errorMessage(error)}`;
        // The same button loads the first page again.
        older.textContent = 'Try again';
        older.hidden = false;
      } else {
        failed.textContent = `Could not load older events: ${errorMessage(error).replace(/\.$/, '')}. Try again.`;
        failed.hidden = false;
      }
    } finally {
      loading = false;
      older.removeAttribute('aria-disabled');
    }
  };
  older.addEventListener('click', () => void more());
  void more();
  return h('div', { class: 'share-history' }, h('h3', {}, 'Share history'), status, list, older, failed);
}
