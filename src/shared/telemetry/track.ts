// What the app reports for research sessions. Shared code only announces steps; the research feature
// decides whether anyone is listening (outside a session nothing is recorded at all).
// Events carry names and codes only, never what the user typed.
import type { ClientEvent } from '@domain/researchEvents';

/** An event as the app announces it; the tracker numbers and times it on the way out. */
export type TrackEvent = Omit<ClientEvent, 'seq' | 'at'>;

let sink: ((e: TrackEvent) => void) | null = null;
// How many pages the app itself is about to close (a relaunch closes the whole stack).
let leavingOnPurpose = 0;

export function setTrackSink(fn: ((e: TrackEvent) => void) | null): void {
  sink = fn;
}

export function track(e: TrackEvent): void {
  if (!sink) return;
  try {
    sink(e);
  } catch {
    // Recording must never break the flow it records.
  }
}

/** The app itself is about to leave the current page (redirect, relaunch): not a back navigation.
 * `pages`: how many pages it closes (a relaunch: all of them). */
export function expectLeave(pages = 1): void {
  leavingOnPurpose = pages;
}

/** A page closed: unless the app closed it, the user went back. */
export function pageClosed(screen?: string): void {
  if (leavingOnPurpose > 0) leavingOnPurpose -= 1;
  else track({ type: 'back', screen });
}
