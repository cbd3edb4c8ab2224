// Links a new share may not name because they have ended: a share counts from its createdAt (the
// specification's section 2, "Time"), and such a link held only before that, so naming one would show
// the recipient nothing at any instant, as a withdrawn disclosure would. Told to the owner, naming each
// link, when it ended and, for an amended one, the successor to share instead.
import { describedList, quote } from './quote.ts';

/** One of the owner's links, asked for in a share, that does not hold now or later. */
export interface EndedLink {
  id: string;
  /** When it stopped holding (its validTo). */
  validTo: string;
  /** Ended before it started (validTo = validFrom): it holds at no instant. */
  calledOff: boolean;
  /** The link an amendment replaced it with, if one did. */
  successor: string | null;
}

const described = (link: EndedLink): string =>
  `${quote(link.id)} (${
    link.calledOff ? 'called off: it holds at no instant' : `ended ${link.validTo}`
  }${link.successor === null ? '' : `; amended: share its successor ${quote(link.successor)}`})`;

/** The refusal of a share that names `ended` (not empty), in the order asked. */
export const endedLinksProblem = (ended: readonly EndedLink[]): string =>
  'linkIds must be links that hold now or start later (a share counts from now, so an ended link ' +
  `would show nothing); not so for ${describedList(ended, described)}`;
