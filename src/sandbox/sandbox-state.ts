import { ORGANISATIONS, organisationBySwa, type OrganisationRecord } from './data/organisations';
import type { ActivityRecord, HistoryRecord, StreetRecord, UpdateRecord, WorkRecord, WorksRegisterRecord } from './data/records';
import { seed } from './data/seed';

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
  readonly updates: UpdateRecord[] = [];
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
    const events: { work: WorkRecord; h: HistoryRecord }[] = data.works.flatMap((work) => work.history.map((h) => ({ work, h })));
    events.sort((a, b) => (a.h.at < b.h.at ? -1 : a.h.at > b.h.at ? 1 : a.work.reference < b.work.reference ? -1 : 1));
    for (const { work, h } of events) {
      h.updateId = this.nextUpdateId++;
      this.updates.push({ updateId: h.updateId, workReference: work.reference, at: h.at, eventType: h.event, objectType: h.objectType });
    }
  }

  private addWork(work: WorkRecord): void {
    this.works.set(work.reference, work);
    this.workList.push(work);
    if (work.reference.startsWith(work.workstreamPrefix)) {
      const n = Number(work.reference.slice(work.workstreamPrefix.length, work.workstreamPrefix.length + 6));
      if (Number.isInteger(n)) {
        this.workSequence.set(work.workstreamPrefix, Math.max(this.workSequence.get(work.workstreamPrefix) ?? 0, n));
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

  recordEvent(work: WorkRecord, event: string, objectType: string, objectReference: string | null, actor: Actor): HistoryRecord {
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
    this.updates.push({ updateId: h.updateId, workReference: work.reference, at, eventType: event, objectType });
    return h;
  }

  organisations(): readonly OrganisationRecord[] {
    return ORGANISATIONS;
  }
}
