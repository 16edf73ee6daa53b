import { Anchor, Badge, Box, Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconDownload, IconEye } from '@tabler/icons-react';
import { useState } from 'react';
import { UI, type UiKey } from '../../core/i18n/ui.ts';
import { links, type DossierDocument } from '../api.ts';
import { useLang } from '../context.tsx';
import { fmtDateTime } from '../format.ts';

/** The kind of a stored document in words; slips (kind `slip`, stored when first printed) and unknown kinds never break the page. */
function docKindLabel(kind: string, t: (k: UiKey) => string): string {
  const key = `dossier.docKind.${kind}`;
  if (key in UI) return t(key as UiKey);
  return kind === 'slip' ? t('dossier.slips') : kind;
}

/** Documents of a dossier with an inline viewer (PDF in an <iframe>, images in an <img>). */
export function DocumentsPanel({ dossierId, documents }: { dossierId: string; documents: DossierDocument[] }) {
  const { t, lang } = useLang();
  const [selected, setSelected] = useState<string | null>(null);
  const doc = documents.find((d) => d.id === selected) ?? null;
  if (documents.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        {t('dossier.noDocuments')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      <Table.ScrollContainer minWidth={560}>
        <Table verticalSpacing={4} data-testid="documents-table">
          <Table.Tbody>
            {documents.map((d) => (
              <Table.Tr key={d.id} bg={d.id === selected ? 'var(--mantine-color-blue-light)' : undefined}>
                <Table.Td style={{ maxWidth: 300 }}>
                  <Text size="sm" fw={500} truncate="end">
                    {d.fileName ?? '—'}
                  </Text>
                  {d.componentName && (
                    <Text size="xs" c="dimmed" lineClamp={1} title={d.componentName}>
                      {d.componentName}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    <Badge size="xs" miw="fit-content" variant="light" color={d.kind === 'result' ? 'teal' : 'gray'} style={{ textTransform: 'none' }}>
                      {docKindLabel(d.kind, t)}
                    </Badge>
                    {d.electronicResult && (
                      <Badge size="xs" variant="light" color="teal" style={{ textTransform: 'none' }}>
                        {t('dossier.electronicResult')}
                      </Badge>
                    )}
                  </Group>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text size="xs">{fmtDateTime(d.uploadedAt, lang)}</Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Group gap={4} wrap="nowrap">
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconEye size={12} aria-hidden />}
                      onClick={() => setSelected(d.id === selected ? null : d.id)}
                      aria-pressed={d.id === selected}
                      data-testid={`view-doc-${d.id}`}
                    >
                      {t('common.view')}
                    </Button>
                    <Button
                      size="compact-xs"
                      variant="subtle"
                      component="a"
                      href={links.document(dossierId, d.id)}
                      download={d.fileName ?? undefined}
                      leftSection={<IconDownload size={12} aria-hidden />}
                    >
                      {t('dossier.download')}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {doc && (
        <Box data-testid="document-viewer" style={{ border: '1px solid var(--mantine-color-gray-3)', borderRadius: 4 }}>
          {doc.mime === 'application/pdf' ? (
            <iframe title={`${t('dossier.viewer')}: ${doc.fileName ?? ''}`} src={links.document(dossierId, doc.id)} style={{ width: '100%', height: 520, border: 0 }} />
          ) : doc.mime?.startsWith('image/') ? (
            <img src={links.document(dossierId, doc.id)} alt={doc.componentName ?? doc.fileName ?? ''} style={{ maxWidth: '100%', display: 'block', margin: '0 auto' }} />
          ) : (
            <Text p="sm" size="sm">
              {t('dossier.noPreview')}{' '}
              <Anchor href={links.document(dossierId, doc.id)} download={doc.fileName ?? undefined}>
                {t('dossier.download')}
              </Anchor>
            </Text>
          )}
        </Box>
      )}
    </Stack>
  );
}
