/**
 * An event id counts once per project. Within one batch the FIRST event carrying an id is the one
 * written (when its id was not stored before); every later copy is answered as a duplicate of it.
 * These decide that in memory, before the write statement, so the statement sees each id once and
 * the answer always names where the stored copy is.
 */

/** For each event, the index of the first event of the batch with its event id (its own index when it is the first). */
export function firstIndexOfEventId(events: readonly { eventId: string }[]): number[] {
  const first = new Map<string, number>();
  return events.map((event, i) => {
    const seen = first.get(event.eventId);
    if (seen !== undefined) return seen;
    first.set(event.eventId, i);
    return i;
  });
}

export interface EventAnswer {
  eventId: string;
  groupId: string;
  duplicate: boolean;
  sampled?: true;
}

/**
 * What each event of a batch is answered (`events[i]` ↔ answer i): the first copy of an id that was
 * inserted is stored in its own group; a first copy that was not inserted duplicates an event
 * stored before (`storedGroupOf`: where that one is, when known); a later copy in the batch
 * duplicates its first copy and is answered with the first copy's group.
 */
export function answerBatch(
  events: readonly { eventId: string }[],
  firstIndex: readonly number[],
  facts: {
    groupOf: (index: number) => string;
    inserted: ReadonlySet<string>;
    sampled: ReadonlySet<string>;
    storedGroupOf: ReadonlyMap<string, string>;
  },
): EventAnswer[] {
  const answers: EventAnswer[] = [];
  events.forEach((event, i) => {
    const first = firstIndex[i];
    if (first !== i) {
      answers.push({ eventId: event.eventId, groupId: answers[first].groupId, duplicate: true });
      return;
    }
    if (!facts.inserted.has(event.eventId)) {
      answers.push({ eventId: event.eventId, groupId: facts.storedGroupOf.get(event.eventId) ?? facts.groupOf(i), duplicate: true });
      return;
    }
    answers.push({ eventId: event.eventId, groupId: facts.groupOf(i), duplicate: false, ...(facts.sampled.has(event.eventId) && { sampled: true as const }) });
  });
  return answers;
}

/**
 * The answers of a batch some of whose events were not written because their issue is being deleted
 * (`doomedGroupOf[i]`: that issue's id, undefined for an event that was written): each dropped event
 * is answered as not stored (a duplicate: nothing is forwarded, alerted or counted for it), the
 * others with `written`'s answers in their order.
 */
export function withDroppedAnswers(events: readonly { eventId: string }[], doomedGroupOf: readonly (string | undefined)[], written: readonly EventAnswer[]): EventAnswer[] {
  let next = 0;
  return events.map((event, i) => {
    const groupId = doomedGroupOf[i];
    if (groupId !== undefined) return { eventId: event.eventId, groupId, duplicate: true };
    const answer = written[next++];
    if (!answer) throw new Error("fewer answers than written events");
    return answer;
  });
}
