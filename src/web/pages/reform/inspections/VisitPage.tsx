/**
 * An inspection visit on site, made for a tablet (820×1180, touch targets ≥ 44 px): one card per checklist item,
 * grouped; the figure motcua knows before the visit (with its drill-down link); the four result buttons; a note;
 * photos from the camera or from files (thumbnails from the stored Blobs); a sync bar (online/offline, changes
 * waiting, last synced, sync now); per-item conflicts (theirs vs mine, by whom, keep mine / take theirs).
 *
 * Renders from the offline store (src/web/offline/visit-store.ts): online it refreshes the store from the API,
 * offline (or after a reload without a connection) it shows what the store holds and keeps queueing.
 */
import { Alert, Anchor, Badge, Button, Card, Group, Image, Stack, Text, Textarea, Title } from '@mantine/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ITEM_RESULTS, type ItemResult } from '../../../../core/reform/inspections/checklist.ts';
import { summariseChecklist } from '../../../../core/reform/inspections/checklist.ts';
import { api, uuid } from '../../../api.ts';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang, useSession } from '../../../context.tsx';
import { fmtDate, fmtDateTime } from '../../../format.ts';
import { startSyncLoop, type SyncLoop, type SyncStatus } from '../../../offline/sync.ts';
import { readLocal, visitStore, type LocalItem, type LocalVisit, type StoredPhoto, type VisitStore } from '../../../offline/visit-store.ts';
import type { UiKey } from '../../../../core/i18n/ui.ts';
import { inspectionApi, type VisitPhoto } from './api.ts';

const TOUCH = { minHeight: 44, minWidth: 44 } as const;
const RESULT_COLOR: Record<ItemResult, string> = { meets: 'green', partly: 'yellow', does_not_meet: 'red', not_applicable: 'gray' };

export function VisitPage() {
  const { visitId = '' } = useParams();
  const { t, lang } = useLang();
  const { me } = useSession();
  const [store, setStore] = useState<VisitStore | null>(null);
  const [local, setLocal] = useState<LocalVisit | null | undefined>(undefined);
  const [status, setStatus] = useState<SyncStatus>({ online: typeof navigator === 'undefined' ? true : navigator.onLine, syncing: false, last: null });
  const [error, setError] = useState<unknown>(null);
  const loop = useRef<SyncLoop | null>(null);
  const userId = me?.userId ?? '';

  useEffect(() => {
    let off = () => {};
    let alive = true;
    void visitStore().then(async (s) => {
      if (!alive) return;
      setStore(s);
      const reread = () => void readLocal(s, visitId).then((l) => alive && setLocal(l));
      off = s.subscribe(visitId, reread);
      reread();
      // Online: prime the service worker's copy of the session (so a reload offline opens the shell signed in) and
      // refresh the stored copy of the visit.
      void api.me().catch(() => {});
      try {
        const v = await inspectionApi.visit(visitId);
        await s.saveServerVisit(v, userId, new Date().toISOString(), true);
      } catch (e) {
        if (!(typeof e === 'object' && e && (e as { status?: number }).status === 0)) setError(e);
      }
      loop.current = startSyncLoop({ store: s, fetch: (...a) => fetch(...a), now: () => new Date(), userId }, visitId, { events: window, onStatus: setStatus, intervalMs: 10_000 });
      if (navigator.onLine) void loop.current.syncNow();
    });
    return () => {
      alive = false;
      off();
      loop.current?.stop();
    };
  }, [visitId, userId]);

  const syncSoon = useCallback(() => {
    if (navigator.onLine) void loop.current?.syncNow();
  }, []);

  if (local === undefined) return <Text>{t('app.loading')}</Text>;
  if (local === null || !store) {
    return (
      <Stack>
        <ErrorAlert error={error} />
        <Alert color="orange">{t('insp.notStored')}</Alert>
      </Stack>
    );
  }
  const v = local.stored.visit;
  const summary = summariseChecklist(local.items.map((i) => ({ code: i.code, result: i.result })));
  const groups = [...new Set(local.items.map((i) => i.group))];
  const editable = v.status === 'in_progress' && !!v.me.role;
  const run = async (p: Promise<unknown>) => {
    setError(null);
    try {
      await p;
      const fresh = await inspectionApi.visit(visitId);
      await store.saveServerVisit(fresh, userId, new Date().toISOString(), true);
    } catch (e) {
      setError(e);
    }
  };

  return (
    <Stack gap="md" data-testid="insp-visit" data-status={v.status}>
      <Anchor component={Link} to={`/kiem-tra-cchc/ke-hoach/${v.plan.id}`}>← {v.plan.title}</Anchor>
      <Title order={1}>{v.agency.name}</Title>
      <Group gap="xs">
        <Badge variant="light" style={{ textTransform: 'none' }} data-testid="insp-visit-status">{t(`insp.visit.${v.status}` as UiKey)}</Badge>
        <Text size="sm">{v.surprise ? t('insp.surprise') : fmtDate(v.scheduledOn, lang)}</Text>
        <Text size="sm" c="dimmed">{t('insp.period', { from: fmtDate(v.period.from, lang), to: fmtDate(v.period.to, lang) })}</Text>
      </Group>
      <SyncBar local={local} status={status} onSync={() => void loop.current?.syncNow()} />
      <Text data-testid="insp-summary">{t('insp.summary', { answered: summary.answered, total: summary.total, shortcomings: summary.shortcomings.length })}</Text>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {local.stored.lastError && <Alert color="red" data-testid="insp-sync-error">{lang === 'vi' ? local.stored.lastError.message : local.stored.lastError.messageEn}</Alert>}
      <Group>
        {v.status === 'planned' && v.me.role && <Button style={TOUCH} onClick={() => void run(inspectionApi.start(visitId, v.version))} data-testid="insp-start">{t('insp.start')}</Button>}
        {v.status === 'in_progress' && v.me.role === 'leader' && (
          <Button style={TOUCH} color="green" disabled={!summary.complete || local.queue.length > 0} onClick={() => void run(inspectionApi.finish(visitId, v.version))} data-testid="insp-finish">{t('insp.finish')}</Button>
        )}
        {v.status === 'done' && <Button style={TOUCH} component={Link} to={`/kiem-tra-cchc/dot/${visitId}/van-ban`} variant="light" data-testid="insp-documents">{t('insp.documents')}</Button>}
      </Group>
      {v.status === 'planned' && <Text c="dimmed">{t('insp.notStarted')}</Text>}
      {groups.map((g) => (
        <Stack key={g} gap="sm">
          <Title order={2} size="h3">{g}</Title>
          {local.items.filter((i) => i.group === g).map((it) => (
            <ItemCard
              key={it.code}
              it={it}
              editable={editable}
              photos={local.photos.filter((p) => p.itemCode === it.code)}
              serverPhotos={local.serverPhotos.filter((p) => p.itemCode === it.code)}
              onEdit={async (result, note) => {
                await store.editItem(visitId, it.code, { result, note }, { clientChangeId: uuid(), authorId: userId });
                syncSoon();
              }}
              onPhotos={async (files) => {
                for (const f of files) {
                  await store.addPhoto({ clientPhotoId: uuid(), visitId, itemCode: it.code, fileName: f.name || 'anh.jpg', contentType: f.type, size: f.size, takenAt: new Date().toISOString(), blob: f }, userId);
                }
                syncSoon();
              }}
              onResolve={async (keep) => {
                await store.resolveConflict(visitId, it.code, keep, { clientChangeId: uuid(), authorId: userId });
                syncSoon();
              }}
            />
          ))}
        </Stack>
      ))}
    </Stack>
  );
}

function SyncBar({ local, status, onSync }: { local: LocalVisit; status: SyncStatus; onSync: () => void }) {
  const { t, lang } = useLang();
  const online = status.online;
  return (
    <Card withBorder padding="sm" bg={online ? 'green.0' : 'orange.0'} data-testid="insp-sync-bar" data-online={online ? 'true' : 'false'} data-pending={local.queue.length} role="status" style={{ position: 'sticky', top: 64, zIndex: 5 }}>
      <Group justify="space-between" wrap="wrap">
        <Group gap="sm">
          <Badge color={online ? 'green' : 'orange'} variant="filled" style={{ textTransform: 'none' }} data-testid="insp-online">{online ? t('insp.sync.online') : t('insp.sync.offline')}</Badge>
          <Text size="sm" data-testid="insp-pending">{t('insp.sync.waiting', { n: local.queue.length })}</Text>
          <Text size="sm" c="dimmed" data-testid="insp-last-sync">{local.stored.lastSyncedAt ? t('insp.sync.last', { at: fmtDateTime(local.stored.lastSyncedAt, lang) }) : t('insp.sync.never')}</Text>
        </Group>
        <Button style={TOUCH} variant="light" loading={status.syncing} disabled={!online} onClick={onSync} data-testid="insp-sync-now">{status.syncing ? t('insp.sync.syncing') : t('insp.sync.now')}</Button>
      </Group>
    </Card>
  );
}

function ItemCard({ it, editable, photos, serverPhotos, onEdit, onPhotos, onResolve }: {
  it: LocalItem;
  editable: boolean;
  photos: StoredPhoto[];
  serverPhotos: VisitPhoto[];
  onEdit: (result: ItemResult | null, note: string) => Promise<void>;
  onPhotos: (files: File[]) => Promise<void>;
  onResolve: (keep: 'mine' | 'theirs') => Promise<void>;
}) {
  const { t } = useLang();
  const [note, setNote] = useState(it.note);
  const focused = useRef(false);
  useEffect(() => {
    if (!focused.current) setNote(it.note);
  }, [it.note]);
  const camera = useRef<HTMLInputElement>(null);
  const files = useRef<HTMLInputElement>(null);
  const label = (r: ItemResult | null) => (r ? t(`insp.result.${r}` as UiKey) : '—');
  const c = it.conflict;
  return (
    <Card withBorder data-testid={`insp-item-${it.code}`} data-result={it.result ?? ''} data-pending={it.pending ? 'true' : 'false'}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Text fw={600}>{it.code}. {it.title}</Text>
        {it.pending && <Badge color="orange" variant="light" style={{ textTransform: 'none', flexShrink: 0 }} data-testid="insp-item-pending">{t('insp.pendingItem')}</Badge>}
      </Group>
      {it.guidance && <Text size="sm" c="dimmed">{it.guidance}</Text>}
      {it.figure && (
        <Text size="sm" mt={4} data-testid="insp-figure">
          {t('insp.figure')}: <b>{it.figure.label}</b>{it.figure.value !== null ? `: ${it.figure.value}` : ''}{' '}
          {it.figure.query && <Anchor component={Link} to={it.figure.query}>{t('insp.figure.drill')}</Anchor>}
        </Text>
      )}
      {c && (
        <Alert color="red" mt="sm" title={t('insp.conflict', { name: c.theirs.updatedBy?.name ?? t('insp.conflict.someone') })} data-testid="insp-conflict">
          <Text size="sm" data-testid="insp-conflict-theirs">{t('insp.conflict.theirs')}: {label(c.theirs.result)}{c.theirs.note ? ` — ${c.theirs.note}` : ''}</Text>
          <Text size="sm" data-testid="insp-conflict-mine">{t('insp.conflict.mine')}: {label(c.mine.result)}{c.mine.note ? ` — ${c.mine.note}` : ''}</Text>
          <Group mt="xs">
            <Button style={TOUCH} onClick={() => void onResolve('mine')} data-testid="insp-keep-mine">{t('insp.conflict.keepMine')}</Button>
            <Button style={TOUCH} variant="light" onClick={() => void onResolve('theirs')} data-testid="insp-take-theirs">{t('insp.conflict.takeTheirs')}</Button>
          </Group>
        </Alert>
      )}
      <Group gap="xs" mt="sm" role="group" aria-label={it.title}>
        {ITEM_RESULTS.map((r) => (
          <Button
            key={r}
            style={TOUCH}
            color={RESULT_COLOR[r]}
            variant={it.result === r ? 'filled' : 'outline'}
            aria-pressed={it.result === r}
            disabled={!editable}
            onClick={() => void onEdit(r, note)}
            data-testid={`insp-result-${r}`}
          >
            {t(`insp.result.${r}` as UiKey)}
          </Button>
        ))}
      </Group>
      <Textarea
        mt="sm"
        label={t('insp.note')}
        autosize
        minRows={2}
        value={note}
        disabled={!editable}
        onFocus={() => (focused.current = true)}
        onChange={(e) => setNote(e.currentTarget.value)}
        onBlur={() => {
          focused.current = false;
          if (note !== it.note) void onEdit(it.result, note);
        }}
        data-testid="insp-note"
      />
      <Group mt="sm" gap="xs">
        <input ref={camera} type="file" accept="image/*" capture="environment" hidden onChange={(e) => { const f = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void onPhotos(f); }} data-testid="insp-photo-camera" />
        <input ref={files} type="file" accept="image/jpeg,image/png,image/webp" multiple hidden onChange={(e) => { const f = [...(e.currentTarget.files ?? [])]; e.currentTarget.value = ''; void onPhotos(f); }} data-testid="insp-photo-files" />
        <Button style={TOUCH} variant="default" disabled={!editable} onClick={() => camera.current?.click()}>{t('insp.photo.camera')}</Button>
        <Button style={TOUCH} variant="default" disabled={!editable} onClick={() => files.current?.click()}>{t('insp.photo.file')}</Button>
      </Group>
      {(photos.length > 0 || serverPhotos.length > 0) && (
        <Group mt="sm" gap="xs" data-testid="insp-photos">
          {photos.map((p) => <LocalThumb key={p.clientPhotoId} p={p} />)}
          {serverPhotos.map((p) => <Image key={p.id} src={p.url} alt={p.fileName} w={96} h={96} fit="cover" radius="sm" data-testid="insp-photo-server" />)}
        </Group>
      )}
    </Card>
  );
}

function LocalThumb({ p }: { p: StoredPhoto }) {
  const { t } = useLang();
  const url = useMemo(() => URL.createObjectURL(p.blob), [p.blob]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return (
    <Stack gap={2} align="center" data-testid="insp-photo" data-status={p.status}>
      <Image src={url} alt={p.fileName} w={96} h={96} fit="cover" radius="sm" />
      {p.status === 'pending' && <Text size="xs" c="orange.8">{t('insp.photo.pending')}</Text>}
      {p.status === 'rejected' && <Text size="xs" c="red.8">{t('insp.photo.rejected', { error: p.error ?? '' })}</Text>}
    </Stack>
  );
}
