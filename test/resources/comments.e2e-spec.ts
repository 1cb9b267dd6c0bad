import { seed } from '../../src/sandbox/data/seed';
import { bootApp, type BootedApp } from '../helpers/boot-app';
import { client, type CollectionBody, PROMOTER_KEY } from '../support';

type Row = {
  commentReferenceNumber: string;
  workReferenceNumber: string;
  topic: string;
  detail: string;
  internal: boolean;
};

const today = new Date(new Date().toISOString().slice(0, 10)).getTime();
// A work of the demo subscription's organisation (Northern Gas Networks) with a comment it may see.
const WORK = seed(1, 600, today).works.find(
  (w) => w.promoterSwa === '7374' && w.comments.some((c) => !c.isInternal || c.authorSwa === '7374'),
)!;
const COMMENT = WORK.comments[0];

describe('comments (under works)', () => {
  let booted: BootedApp;
  const path = `/v1/works/${WORK.reference}/comments`;

  beforeAll(async () => {
    booted = await bootApp();
  });
  afterAll(() => booted?.close());

  it("lists a work's comments in camelCase with lower-case topics", async () => {
    const res = (await client(booted).get(path).expect(200)).body as CollectionBody<
      Row & { links: unknown[] }
    >;
    expect(res.metadata.resultset).toEqual({
      count: WORK.comments.length,
      countIsLowerBound: false,
      offset: 0,
      limit: 20,
      page: 1,
    });
    expect(res.results[0]).toMatchObject({
      commentReferenceNumber: COMMENT.reference,
      workReferenceNumber: WORK.reference,
      topic: COMMENT.topic.toLowerCase(),
      detail: COMMENT.detail,
      internal: COMMENT.isInternal,
      links: [
        { rel: 'self', href: `${path}/${COMMENT.reference}`, type: 'GET' },
        { rel: 'work', href: `/v1/works/${WORK.reference}`, type: 'GET' },
      ],
    });
    const none = (
      await client(booted).get(`${path}?topic=section_81,duration_challenge&read=true`).expect(200)
    ).body as CollectionBody<Row>;
    expect(none.results.every((r) => ['section_81', 'duration_challenge'].includes(r.topic))).toBe(true);
    await client(booted).get(`${path}?read=maybe`).expect(400);
  });

  it('reads one, and 404s an unknown comment or work', async () => {
    const api = client(booted);
    const res = await api.get(`${path}/${COMMENT.reference}`).expect(200);
    expect(res.body).toMatchObject({ commentReferenceNumber: COMMENT.reference });
    const missing = await api.get(`${path}/${WORK.reference}-COM-99`).expect(404);
    expect(missing.body.error.message).toBe(`comment ${WORK.reference}-COM-99 was not found`);
    const noWork = await api.get('/v1/works/NOPE0000000/comments').expect(404);
    expect(noWork.body.error.message).toBe('work NOPE0000000 was not found');
  });

  it('adds a comment: 201 with Location, 400 for shape, 422 for an overrun comment from a promoter', async () => {
    const api = client(booted, PROMOTER_KEY);
    const res = await api
      .post(path, { topic: 'general', detail: 'Lights off by 4pm', internal: true })
      .expect(201);
    expect(res.body).toMatchObject({
      workReferenceNumber: WORK.reference,
      topic: 'general',
      detail: 'Lights off by 4pm',
      internal: true,
      read: false,
      authorOrganisationSwaCode: '7374',
    });
    expect(res.headers.location).toBe(`${path}/${res.body.commentReferenceNumber as string}`);
    await api.get(res.headers.location).expect(200);

    const shape = await api.post(path, { topic: 'gossip', detail: '' }).expect(400);
    expect((shape.body.error.details as { field: string }[]).map((d) => d.field)).toEqual([
      'topic',
      'detail',
    ]);
    const overrun = await api.post(path, { topic: 'overrun', detail: 'Running late' }).expect(422);
    expect(overrun.body.error.details).toEqual([
      { field: 'topic', message: 'overrun comments are for highway authorities only' },
    ]);
    await api.post('/v1/works/NOPE0000000/comments', { topic: 'general', detail: 'x' }).expect(404);
  });
});
