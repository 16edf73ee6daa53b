/**
 * The desk rating kiosk (/kiosk, a tablet at the counter). The officer starts it in their own session; the screen
 * then locks (no navigation, back button trapped) and polls the dossier just returned at this desk. The applicant
 * picks one of three faces (+ reasons when dissatisfied, optional comment) without signing in; after the rating or
 * a timeout it returns to the waiting state. Leaving needs the officer's password (POST /api/kiosk/unlock).
 */
import { Button, Center, Group, Modal, PasswordInput, Stack, Text, Textarea, Title, Checkbox, Paper } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { DISSATISFIED_REASONS, RATING_FACES, faceAsksReasons, type RatingValue } from '../../../core/rating/index.ts';
import { api, type KioskDossier } from '../../api.ts';
import { ErrorAlert } from '../../components/common.tsx';
import { useLang } from '../../context.tsx';

const POLL_MS = 4000;
/** Back to waiting when nobody touches the screen for this long, or after the thank-you. */
const IDLE_MS = 120_000;
const THANKS_MS = 5000;

export function KioskPage() {
  const { t, lang } = useLang();
  const navigate = useNavigate();
  const [started, setStarted] = useState(false);
  const [dossier, setDossier] = useState<KioskDossier | null>(null);
  const [face, setFace] = useState<RatingValue | null>(null);
  const [reasons, setReasons] = useState<string[]>([]);
  const [comment, setComment] = useState('');
  const [thanks, setThanks] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [exitOpen, setExitOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [unlockError, setUnlockError] = useState<unknown>(null);
  const skipped = useRef<Set<string>>(new Set());
  const idle = useRef<number | undefined>(undefined);

  const reset = useCallback(() => {
    setFace(null);
    setReasons([]);
    setComment('');
    setError(null);
  }, []);

  // Poll for the dossier just returned at this desk while waiting.
  useEffect(() => {
    if (!started || thanks) return;
    let live = true;
    const tick = async () => {
      try {
        const r = await api.kioskCurrent();
        if (!live) return;
        const d = r.dossier && !skipped.current.has(r.dossier.id) ? r.dossier : null;
        setDossier((old) => (old?.id === d?.id ? old : d));
      } catch (e) {
        if (live) setError(e);
      }
    };
    void tick();
    const h = window.setInterval(() => void tick(), POLL_MS);
    return () => {
      live = false;
      window.clearInterval(h);
    };
  }, [started, thanks]);

  // Idle timeout: a dossier nobody rates goes away (skipped on this screen) and the kiosk waits again.
  useEffect(() => {
    window.clearTimeout(idle.current);
    if (!dossier || thanks) return;
    idle.current = window.setTimeout(() => {
      skipped.current.add(dossier.id);
      setDossier(null);
      reset();
    }, IDLE_MS);
    return () => window.clearTimeout(idle.current);
  }, [dossier, face, comment, reasons, thanks, reset]);

  // Locked: the back button stays on the kiosk; closing the tab asks first.
  useEffect(() => {
    if (!started) return;
    const trap = () => window.history.pushState(null, '', window.location.href);
    trap();
    window.addEventListener('popstate', trap);
    const leave = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', leave);
    return () => {
      window.removeEventListener('popstate', trap);
      window.removeEventListener('beforeunload', leave);
    };
  }, [started]);

  const send = async () => {
    if (!dossier || !face) return;
    setError(null);
    try {
      await api.kioskRate({ dossierId: dossier.id, rating: face, reasons: faceAsksReasons(face) ? reasons : [], ...(comment.trim() ? { comment: comment.trim() } : {}) });
      skipped.current.add(dossier.id);
      setThanks(true);
      window.setTimeout(() => {
        setThanks(false);
        setDossier(null);
        reset();
      }, THANKS_MS);
    } catch (e) {
      setError(e);
    }
  };

  const unlock = async () => {
    setUnlockError(null);
    try {
      await api.kioskUnlock(password);
      setStarted(false);
      setExitOpen(false);
      navigate('/');
    } catch (e) {
      setUnlockError(e);
    }
  };

  if (!started) {
    return (
      <Center mih="100vh" p="md">
        <Paper withBorder p="xl" maw={560}>
          <Stack>
            <Title order={1} size="h2">
              {t('kiosk.startTitle')}
            </Title>
            <Text>{t('kiosk.startIntro')}</Text>
            <Group>
              <Button size="lg" onClick={() => setStarted(true)} data-testid="kiosk-start">
                {t('kiosk.start')}
              </Button>
            </Group>
          </Stack>
        </Paper>
      </Center>
    );
  }

  return (
    <div className="kiosk" data-testid="kiosk">
      <Stack mih="100vh" p="xl" justify="space-between">
        <Stack align="center" gap="lg" style={{ flex: 1 }} justify="center">
          {thanks ? (
            <Title order={1} data-testid="kiosk-thanks" ta="center">
              {t('kiosk.thanks')}
            </Title>
          ) : !dossier ? (
            <Stack align="center" data-testid="kiosk-waiting">
              <Title order={1} ta="center">
                {t('kiosk.waiting')}
              </Title>
              <Text size="xl" c="dimmed" ta="center">
                {t('kiosk.waitingHint')}
              </Text>
            </Stack>
          ) : (
            <Stack align="center" gap="lg" w="100%" maw={900}>
              <Title order={1} ta="center">
                {t('kiosk.question')}
              </Title>
              <Group gap="xl" justify="center" wrap="wrap">
                <Text size="lg">
                  {t('kiosk.code')}: <b data-testid="kiosk-code">{dossier.code}</b>
                </Text>
                <Text size="lg">
                  {t('kiosk.applicant')}: <b>{dossier.applicantName}</b>
                </Text>
              </Group>
              <Text size="lg">
                {t('kiosk.procedure')}: {dossier.procedureName}
              </Text>
              <Group gap="lg" justify="center" role="radiogroup" aria-label={t('kiosk.question')}>
                {RATING_FACES.map((f) => (
                  <button
                    key={f.value}
                    type="button"
                    role="radio"
                    aria-checked={face === f.value}
                    className={`kiosk-face${face === f.value ? ' kiosk-face-on' : ''}`}
                    onClick={() => setFace(f.value)}
                    data-testid={`kiosk-face-${f.value}`}
                  >
                    <span className="kiosk-face-icon" aria-hidden="true">
                      {f.face}
                    </span>
                    <span>{f[lang]}</span>
                  </button>
                ))}
              </Group>
              {face && faceAsksReasons(face) && (
                <Checkbox.Group label={t('kiosk.reasons')} value={reasons} onChange={setReasons} size="md">
                  <Stack gap={6} mt="xs">
                    {DISSATISFIED_REASONS.map((r) => (
                      <Checkbox key={r.vi} value={r.vi} label={r[lang]} />
                    ))}
                  </Stack>
                </Checkbox.Group>
              )}
              <Textarea w="100%" label={t('kiosk.comment')} value={comment} onChange={(e) => setComment(e.currentTarget.value)} maxLength={2000} autosize minRows={2} data-testid="kiosk-comment" />
              <ErrorAlert error={error} />
              <Button size="xl" disabled={!face} onClick={() => void send()} data-testid="kiosk-send">
                {t('kiosk.send')}
              </Button>
            </Stack>
          )}
        </Stack>
        <Group justify="flex-end">
          <Button variant="subtle" size="xs" color="gray" onClick={() => setExitOpen(true)} data-testid="kiosk-exit">
            {t('kiosk.exit')}
          </Button>
        </Group>
      </Stack>
      <Modal opened={exitOpen} onClose={() => setExitOpen(false)} title={t('kiosk.exit')}>
        <Stack>
          <PasswordInput label={t('kiosk.password')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} data-testid="kiosk-password" />
          <ErrorAlert error={unlockError} />
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setExitOpen(false)}>
              {t('kiosk.cancel')}
            </Button>
            <Button onClick={() => void unlock()} data-testid="kiosk-unlock">
              {t('kiosk.unlock')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </div>
  );
}
