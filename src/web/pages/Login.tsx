import { Anchor, Button, Center, Group, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconBuildingBank } from '@tabler/icons-react';
import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router-dom';
import { api } from '../api.ts';
import { LangSwitch } from '../App.tsx';
import { ErrorAlert } from '../components/common.tsx';
import { homeFor, useLang, useSession } from '../context.tsx';

export function LoginPage() {
  const { t } = useLang();
  const { me, setMe } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const next = params.get('next');
  const safeNext = next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/dang-nhap') ? next : null;

  if (me) return <Navigate to={safeNext ?? homeFor(me)} replace />;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const r = await api.login(username.trim(), password);
      const m = { userId: r.userId, username: r.username, fullName: r.fullName, assignments: r.assignments };
      setMe(m);
      navigate(safeNext ?? homeFor(m), { replace: true });
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Paper withBorder shadow="sm" p="xl" w={420} maw="100%" component="main">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Group justify="space-between" align="flex-start">
              <Group gap={8}>
                <IconBuildingBank size={32} color="var(--mantine-color-blue-8)" aria-hidden />
                <div>
                  <Text fw={700}>{t('app.title')}</Text>
                  <Text size="xs" c="dimmed">
                    {t('app.subtitle')}
                  </Text>
                </div>
              </Group>
              <LangSwitch />
            </Group>
            <Title order={1} size="h2">
              {t('login.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('login.intro')}
            </Text>
            <TextInput
              label={t('login.username')}
              value={username}
              onChange={(e) => setUsername(e.currentTarget.value)}
              autoComplete="username"
              required
              autoFocus
              data-testid="login-username"
            />
            <PasswordInput
              label={t('login.password')}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
              autoComplete="current-password"
              required
              data-testid="login-password"
            />
            <ErrorAlert error={error} />
            <Button type="submit" loading={busy} disabled={!username.trim() || !password} data-testid="login-submit">
              {t('login.submit')}
            </Button>
            <Anchor component={Link} to="/tra-cuu" size="sm" ta="center">
              {t('login.trackLink')}
            </Anchor>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
