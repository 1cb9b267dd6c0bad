import { ORGANISATIONS, organisationBySwa, type OrganisationRecord } from './data/organisations';
import type {
  ActivityRecord,
  HistoryRecord,
  StreetRecord,
  UpdateRecord,
  WorkRecord,
  WorksRegisterRecord,
} from './data/records';
import { seed } from './data/seed';

export type ChangeListener = (change: UpdateRecord) => void;

export interface EventSubscriptionRecord {
  reference: string;
  /** the subscribing user's organisation: it is notified of changes to the works it can see */
  organisationSwa: string;
  endpoint: string;
  description: string | null;
  createdAt: string;
}

/** Alterations hang off a permit: their feed entries name it as the parent object. */
function updateOf(work: WorkRecord, h: HistoryRecord): UpdateRecord {
  const parent =
    h.objectType === 'change_request' && h.objectReference
      ? h.objectReference.replace(/-ALT-\d+$/, '')
      : null;
  return {
    updateId: h.updateId,
    workReference: work.reference,
    at: h.at,
    eventType: h.event,
    objectType: h.objectType,
    objectReference: h.objectReference,
    parentObjectReference: parent,
    username: h.username,
  };
}

export interface Actor {
  email: string;
  organisation: OrganisationRecord;
  internalUserIdentifier?: string | null;
  internalUserName?: string | null;
}

/** All data of one sandbox instance, in memory; nothing is shared between instances. */
export class SandboxState {
  readonly works = new Map<string, WorkRecord>();
  /** insertion order = creation order, which list endpoints rely on for stable ties */
  readonly workList: WorkRecord[] = [];
  readonly streets = new Map<number, StreetRecord>();
  readonly activities = new Map<string, ActivityRecord>();
  readonly register = new Map<string, WorksRegisterRecord>();
  /** the Event API cursor: every change to a work or its objects, update ids increasing */
  readonly updates: UpdateRecord[] = [];
  private readonly changeListeners = new Set<ChangeListener>();
  /** push-notification subscriptions made through `POST /event/api-notifications/subscribe`, by reference */
  readonly subscriptions = new Map<string, EventSubscriptionRecord>();
  /** bumped by every write, so responses built from the state can be memoised until something changes */
  version = 0;
  private nextUpdateId = 1;
  private activitySequence = 0;
  private workSequence = new Map<string, number>();

  constructor(seedValue: number, workCount: number, referenceTime: number) {
    const data = seed(seedValue, workCount, referenceTime);
    data.streets.forEach((s) => this.streets.set(s.usrn, s));
    data.activities.forEach((a) => this.activities.set(a.reference, a));
    data.register.forEach((r) => this.register.set(r.workReferenceNumber, r));
    for (const w of data.works) {
      this.addWork(w);
    }
    this.activitySequence = data.activities.length;
    // Update ids increase with time across the whole data set, as Street Manager's polling feed does.
    const events: { work: WorkRecord; h: HistoryRecord }[] = data.works.flatMap((work) =>
      work.history.map((h) => ({ work, h })),
    );
    events.sort((a, b) =>
      a.h.at < b.h.at ? -1 : a.h.at > b.h.at ? 1 : a.work.reference < b.work.reference ? -1 : 1,
    );
    for (const { work, h } of events) {
      h.updateId = this.nextUpdateId++;
      this.updates.push(updateOf(work, h));
    }
  }

  private addWork(work: WorkRecord): void {
    this.works.set(work.reference, work);
    this.workList.push(work);
    if (work.reference.startsWith(work.workstreamPrefix)) {
      const n = Number(work.reference.slice(work.workstreamPrefix.length, work.workstreamPrefix.length + 6));
      if (Number.isInteger(n)) {
        this.workSequence.set(
          work.workstreamPrefix,
          Math.max(this.workSequence.get(work.workstreamPrefix) ?? 0, n),
        );
      }
    }
  }

  insertWork(work: WorkRecord): void {
    this.addWork(work);
  }

  nextWorkReference(prefix: string): string {
    let reference: string;
    do {
      const n = (this.workSequence.get(prefix) ?? 0) + 1;
      this.workSequence.set(prefix, n);
      reference = `${prefix}${String(n).padStart(6, '0')}0000`;
    } while (this.works.has(reference));
    return reference;
  }

  nextActivityReference(prefix: string): string {
    this.activitySequence += 1;
    return `ACT${prefix}${String(900000 + this.activitySequence).padStart(6, '0')}`;
  }

  /** A promoter sees its own works, an authority the works in its area, a contractor its promoter's. */
  canSee(org: OrganisationRecord, work: WorkRecord): boolean {
    switch (org.type) {
      case 'promoter':
        return work.promoterSwa === org.swaCode;
      case 'highway_authority':
        return work.haSwa === org.swaCode;
      case 'contractor':
        return work.promoterSwa === org.actsFor;
    }
  }

  /** The promoter a user acts as (a contractor acts for its promoter). */
  promoterOf(org: OrganisationRecord): OrganisationRecord | undefined {
    if (org.type === 'promoter') {
      return org;
    }
    return org.type === 'contractor' && org.actsFor ? organisationBySwa(org.actsFor) : undefined;
  }

  recordEvent(
    work: WorkRecord,
    event: string,
    objectType: string,
    objectReference: string | null,
    actor: Actor,
  ): HistoryRecord {
    const at = new Date().toISOString();
    const h: HistoryRecord = {
      updateId: this.nextUpdateId++,
      at,
      event,
      objectType,
      objectReference,
      topic: objectType,
      details: event.replace(/_/g, ' '),
      username: actor.email,
      internalUserIdentifier: actor.internalUserIdentifier ?? null,
      internalUserName: actor.internalUserName ?? null,
    };
    work.history.push(h);
    this.recordChange(updateOf(work, h));
    return h;
  }

  /**
   * The one place a change enters the Event API cursor, whether it came through the Work API or /__admin. Hook it
   * with onChange() (e.g. to post push notifications the way Street Manager does for subscribers).
   */
  recordChange(update: UpdateRecord): void {
    this.updates.push(update);
    for (const listener of this.changeListeners) {
      listener(update);
    }
  }

  /** Calls `listener` after every recorded change; returns the function that unhooks it. */
  onChange(listener: ChangeListener): () => void {
    this.changeListeners.add(listener);
    return () => this.changeListeners.delete(listener);
  }

  organisations(): readonly OrganisationRecord[] {
    return ORGANISATIONS;
  }
}
