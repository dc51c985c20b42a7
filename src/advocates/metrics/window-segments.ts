import { Window } from './intervals';

/**
 * Windows cut into shared segments: every window's start and end (and any extra instant) is a
 * boundary, and segment i is [boundaries[i], boundaries[i + 1]). A window is then a run of
 * whole segments, so that SQL can count by segment once and every window, overlapping or not,
 * is put together from those counts.
 */
export interface Segmentation {
  /** Sorted, distinct; the first is the earliest instant read, the last is exclusive. */
  boundaries: number[];
  /** Per window, the first and last segment it covers (inclusive). */
  spans: { first: number; last: number }[];
}

/** Extra instants bound segments too, and may widen the span read (retention's month starts). */
export function segmentWindows(
  windows: readonly Window[],
  extra: readonly number[] = [],
): Segmentation {
  if (!windows.length) throw new Error('segmentWindows needs at least one window');
  const boundaries = [
    ...new Set([...windows.flatMap((window) => [window.start, window.end]), ...extra]),
  ].sort((left, right) => left - right);
  const spans = windows.map((window) => ({
    first: segmentOf(boundaries, window.start),
    last: segmentOf(boundaries, window.end) - 1,
  }));
  return { boundaries, spans };
}

/** The segment that holds the instant (the count of boundaries at or before it, minus one). */
export function segmentOf(boundaries: readonly number[], instant: number): number {
  let low = 0;
  let high = boundaries.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (boundaries[middle] <= instant) low = middle + 1;
    else high = middle;
  }
  return low - 1;
}

/** For every segment, the windows that cover it. */
export function windowsBySegment(segmentation: Segmentation): number[][] {
  const lists: number[][] = Array.from({ length: segmentation.boundaries.length - 1 }, () => []);
  segmentation.spans.forEach(({ first, last }, window) => {
    for (let segment = first; segment <= last; segment += 1) lists[segment].push(window);
  });
  return lists;
}
