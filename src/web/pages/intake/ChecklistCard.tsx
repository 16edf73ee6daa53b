/**
 * The checklist of the procedure's components: a tick for each one received, its scans (attach, remove), and the
 * section's notes apart ("* Lưu ý", "+ Người tiếp nhận có trách nhiệm…": read, never ticked).
 */
import { Alert, Badge, Button, Card, Checkbox, FileButton, Group, Stack, Text, Title } from '@mantine/core';
import { IconPaperclip, IconX } from '@tabler/icons-react';
import { useState } from 'react';
import type { DossierComponent } from '../../../core/catalog/types.ts';
import { api, type ProcedureDetail } from '../../api.ts';
import { useLang } from '../../context.tsx';
import { addFiles, removeFile, setPresent, type Draft, type FileRef } from './intake-form.ts';

export function ChecklistCard({
  procedure,
  components,
  draft,
  setDraft,
  onError,
}: {
  procedure: ProcedureDetail | null;
  components: DossierComponent[];
  draft: Draft;
  setDraft: (f: (d: Draft) => Draft) => void;
  onError: (e: unknown) => void;
}) {
  const { t } = useLang();
  const [uploading, setUploading] = useState<number | null>(null);

  const attach = async (index: number, list: File[] | File | null) => {
    const arr = list === null ? [] : Array.isArray(list) ? list : [list];
    if (arr.length === 0) return;
    setUploading(index);
    onError(null);
    try {
      const refs: FileRef[] = [];
      for (const f of arr) {
        const r = await api.uploadFile(f);
        refs.push({ sha256: r.sha256, fileName: f.name });
      }
      setDraft((d) => addFiles(d, index, refs));
    } catch (e) {
      onError(e);
    } finally {
      setUploading(null);
    }
  };

  return (
    <Card withBorder padding="sm">
      <Title order={2} size="h4">
        {t('intake.checklist')}
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        {t('intake.checklist.hint')}
      </Text>
      {!procedure ? (
        <Text size="sm" c="dimmed">
          {t('intake.pickProcedure')}
        </Text>
      ) : components.length === 0 ? (
        <Alert color="yellow">{t('intake.noComponents')}</Alert>
      ) : (
        <Stack gap={0} data-testid="intake-checklist">
          {components.map((c, i) => {
            const header = c.caseName && c.caseName !== components[i - 1]?.caseName ? c.caseName : null;
            const files = draft.files[i] ?? [];
            return (
              <div key={i}>
                {header && (
                  <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="sm" mb={4}>
                    {header}
                  </Text>
                )}
                <Group align="flex-start" wrap="nowrap" gap="sm" py={6} style={{ borderBottom: '1px solid var(--mantine-color-gray-2)' }}>
                  <Checkbox
                    mt={3}
                    checked={draft.present.includes(i)}
                    onChange={(e) => {
                      const on = e.currentTarget.checked;
                      setDraft((d) => setPresent(d, i, on));
                    }}
                    aria-label={c.name}
                    data-testid={`component-${i}`}
                  />
                  <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                    <Text size="sm" lineClamp={3} title={c.name}>
                      {c.name}
                    </Text>
                    <Group gap={6}>
                      {c.required && (
                        <Badge size="xs" color="red" variant="light" style={{ textTransform: 'none' }}>
                          {t('intake.component.required')}
                        </Badge>
                      )}
                      {(c.originalCount > 0 || c.copyCount > 0) && (
                        <Badge size="xs" color="gray" variant="light" style={{ textTransform: 'none' }}>
                          {t('intake.component.counts', { o: c.originalCount, c: c.copyCount })}
                        </Badge>
                      )}
                      {c.hasEForm && (
                        <Badge size="xs" color="blue" variant="light" style={{ textTransform: 'none' }}>
                          {t('intake.component.eform')}
                        </Badge>
                      )}
                      {files.map((f, j) => (
                        <Badge
                          key={`${f.sha256}-${j}`}
                          size="sm"
                          variant="outline"
                          leftSection={<IconPaperclip size={12} aria-hidden />}
                          rightSection={
                            <IconX
                              size={12}
                              role="button"
                              tabIndex={0}
                              aria-label={t('intake.removeFile', { name: f.fileName })}
                              style={{ cursor: 'pointer' }}
                              onClick={() => setDraft((d) => removeFile(d, i, j))}
                              onKeyDown={(e) => {
                                if (e.key === 'Enter' || e.key === ' ') setDraft((d) => removeFile(d, i, j));
                              }}
                            />
                          }
                          style={{ textTransform: 'none' }}
                        >
                          {f.fileName}
                        </Badge>
                      ))}
                    </Group>
                  </Stack>
                  <FileButton onChange={(f) => void attach(i, f)} accept="application/pdf,image/jpeg,image/png" multiple>
                    {(props) => (
                      <Button
                        {...props}
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconPaperclip size={14} aria-hidden />}
                        loading={uploading === i}
                        aria-label={`${t('intake.attach')}: ${c.name.slice(0, 80)}`}
                        data-testid={`attach-${i}`}
                      >
                        {t('intake.attach')}
                      </Button>
                    )}
                  </FileButton>
                </Group>
              </div>
            );
          })}
        </Stack>
      )}
      {/* Notes of the components section ("* Lưu ý", "+ Người tiếp nhận có trách nhiệm…"): read, never ticked. */}
      {(procedure?.record.notes ?? []).length > 0 && (
        <details style={{ marginTop: 8 }} data-testid="intake-notes">
          <summary>
            <Text span size="sm" fw={600}>
              {t('intake.notes', { n: procedure!.record.notes!.length })}
            </Text>
          </summary>
          <Stack gap={4} mt={4}>
            {procedure!.record.notes!.map((n, i) => (
              <Text key={i} size="xs" c="dimmed">
                {n.text}
              </Text>
            ))}
          </Stack>
        </details>
      )}
    </Card>
  );
}
