/**
 * The criteria-set editor (/chi-so-cchc/bo-tieu-chi/:id): the set's tree node by node — title, maximum (leaves; a
 * parent's is the sum of its children's), scoring method, evidence, unit types, guidance — with nodes added and
 * removed. Every edit goes through the pure operations of core/reform/par/set-edit.ts and is checked live by
 * `parseCriteriaSet`, the function the server validates the saved document with; the save sends the version read
 * (409 when someone saved in between). A set a round already uses cannot be edited: the page says to copy it.
 */
import { Alert, Badge, Button, Card, Checkbox, Group, List, Modal, NumberInput, Select, Stack, Table, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useEffect, useMemo, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { AUTO_METRICS, parseCriteriaSet, type CriteriaNodeJson, type CriteriaSetJson, type ScoringMethod } from '../../../../core/reform/par/criteria-set.ts';
import { addNode, nextChildCode, removeNode, setRows, updateNode } from '../../../../core/reform/par/set-edit.ts';
import { ErrorAlert } from '../../../components/common.tsx';
import { useLang } from '../../../context.tsx';
import { parApi } from './api.ts';
import { methodFromForm, methodToForm, type MethodForm } from './set-form.ts';

const KINDS = ['options', 'rate', 'number', 'yesno', 'manual', 'survey', 'auto'] as const;

interface Editing {
  /** The node being edited, or null for a new one under `parent`. */
  code: string | null;
  parent: string | null;
  leaf: boolean;
  form: { code: string; titleVi: string; titleEn: string; max: number | string; evidence: string; evidenceRequired: boolean; appliesTo: string; guidance: string; method: MethodForm };
}

export function ParSetEditorPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [loaded, setLoaded] = useState<{ version: number; inUse: boolean } | null>(null);
  const [doc, setDoc] = useState<CriteriaSetJson | null>(null);
  const [dirty, setDirty] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    parApi.set(id).then((s) => {
      setLoaded({ version: s.version, inUse: s.inUse });
      setDoc(s.document);
    }, setError);
  }, [id]);

  const rows = useMemo(() => (doc ? setRows(doc) : []), [doc]);
  const parsed = useMemo(() => (doc ? parseCriteriaSet(doc) : null), [doc]);
  const problems = parsed && !parsed.ok ? parsed.problems : [];
  const total = useMemo(() => (doc ? doc.nodes.filter((n) => !n.parent).reduce((s, n) => s + Math.round(n.max * 100), 0) / 100 : 0), [doc]);
  const readOnly = !!loaded?.inUse;
  const fmt = (x: number) => x.toLocaleString(lang === 'vi' ? 'vi-VN' : 'en-GB', { maximumFractionDigits: 2 });

  const change = (next: CriteriaSetJson) => {
    setDoc(next);
    setDirty(true);
    setNotice(null);
  };

  const openEdit = (n: CriteriaNodeJson, leaf: boolean) => {
    setFormError(null);
    setEditing({
      code: n.code,
      parent: n.parent ?? null,
      leaf,
      form: { code: n.code, titleVi: n.title.vi, titleEn: n.title.en ?? '', max: n.max, evidence: n.evidence ?? '', evidenceRequired: n.evidenceRequired ?? false, appliesTo: (n.appliesTo ?? []).join(', '), guidance: n.guidance ?? '', method: methodToForm(n.method) },
    });
  };
  const openAdd = (parent: string | null) => {
    if (!doc) return;
    setFormError(null);
    setEditing({ code: null, parent, leaf: true, form: { code: nextChildCode(doc, parent), titleVi: '', titleEn: '', max: 0, evidence: '', evidenceRequired: false, appliesTo: '', guidance: '', method: methodToForm({ kind: 'yesno' }) } });
  };

  const apply = () => {
    if (!doc || !editing) return;
    const f = editing.form;
    let method: ScoringMethod | undefined;
    if (editing.leaf) {
      const m = methodFromForm(f.method);
      if (!m.ok) return setFormError(t('parset.badLines', { line: m.line }));
      method = m.method;
    }
    const fields = {
      title: f.titleEn.trim() ? { vi: f.titleVi.trim(), en: f.titleEn.trim() } : { vi: f.titleVi.trim() },
      ...(editing.leaf ? { max: Number(f.max) || 0, method } : {}),
      evidence: f.evidence.trim() || undefined,
      evidenceRequired: f.evidenceRequired || undefined,
      appliesTo: f.appliesTo.trim() ? f.appliesTo.split(',').map((x) => x.trim()).filter(Boolean) : undefined,
      guidance: f.guidance.trim() || undefined,
    };
    try {
      if (editing.code === null) {
        const code = f.code.trim();
        if (doc.nodes.some((n) => n.code === code)) return setFormError(t('parset.codeUsed', { code }));
        change(updateNode(addNode(doc, editing.parent, { code, title: fields.title, max: Number(f.max) || 0, ...(method ? { method } : {}) }), code, fields));
      } else change(updateNode(doc, editing.code, fields));
      setEditing(null);
    } catch (e) {
      setFormError(e instanceof Error ? e.message : String(e));
    }
  };

  const save = async () => {
    if (!doc || !loaded) return;
    setSaving(true);
    setError(null);
    try {
      const s = await parApi.updateSet(id, loaded.version, doc);
      setLoaded({ version: s.version, inUse: s.inUse });
      setDoc(s.document);
      setDirty(false);
      setNotice(t('parset.saved', { version: s.version }));
    } catch (e) {
      setError(e);
    } finally {
      setSaving(false);
    }
  };

  const methodLabel = (m: ScoringMethod | undefined) => (m ? t(`parset.method.${m.kind}`) : '—');
  const setField = (patch: Partial<Editing['form']>) => editing && setEditing({ ...editing, form: { ...editing.form, ...patch } });
  const setMethod = (patch: Partial<MethodForm>) => editing && setEditing({ ...editing, form: { ...editing.form, method: { ...editing.form.method, ...patch } } });

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end">
        <div>
          <Text size="sm">
            <Link to="/chi-so-cchc">{t('par.title')}</Link>
          </Text>
          <Title order={1}>{t('parset.title')}</Title>
          {doc && (
            <Text c="dimmed">
              {doc.title.vi} · {doc.code} · {doc.year}
            </Text>
          )}
        </div>
        {doc && !readOnly && (
          <Group>
            {dirty && <Badge color="orange" variant="light" style={{ textTransform: 'none' }}>{t('parset.unsaved')}</Badge>}
            <Button onClick={() => void save()} loading={saving} disabled={!dirty || problems.length > 0} data-testid="parset-save">
              {t('parset.save')}
            </Button>
          </Group>
        )}
      </Group>
      <ErrorAlert error={error} onClose={() => setError(null)} />
      {notice && (
        <Alert color="green" role="status" data-testid="parset-notice">
          {notice}
        </Alert>
      )}
      {readOnly && (
        <Alert color="yellow" data-testid="parset-in-use">
          {t('parset.inUse')}
        </Alert>
      )}
      {doc && (
        <Card withBorder padding="sm" data-testid="parset-problems">
          {problems.length === 0 ? (
            <Text c="#1b5e20" size="sm" fw={600}>{t('parset.valid')} {t('parset.total', { max: fmt(total) })}</Text>
          ) : (
            <>
              <Text fw={700} c="#b71c1c" size="sm">{t('parset.problems', { count: problems.length })}</Text>
              <List size="sm">
                {problems.map((p, i) => (
                  <List.Item key={i} data-testid={`parset-problem-${p.code}`}>
                    {t('parset.node', { code: p.code })}: {t(`parset.problem.${p.kind}`)} <Text span c="dimmed" size="xs">({p.message})</Text>
                  </List.Item>
                ))}
              </List>
            </>
          )}
        </Card>
      )}
      {doc && (
        <Card withBorder padding={0}>
          <Table.ScrollContainer minWidth={700}>
            <Table verticalSpacing="xs" data-testid="parset-tree">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('parset.col.code')}</Table.Th>
                  <Table.Th>{t('parset.col.title')}</Table.Th>
                  <Table.Th style={{ textAlign: 'right' }}>{t('parset.col.max')}</Table.Th>
                  <Table.Th>{t('parset.col.method')}</Table.Th>
                  {!readOnly && <Table.Th>{t('parset.col.actions')}</Table.Th>}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map(({ node: n, depth, leaf }) => (
                  <Table.Tr key={n.code} data-testid={`parset-row-${n.code}`}>
                    <Table.Td style={{ paddingLeft: 12 + depth * 20, whiteSpace: 'nowrap', fontWeight: depth === 0 ? 700 : undefined }}>{n.code}</Table.Td>
                    <Table.Td style={{ fontWeight: depth === 0 ? 700 : undefined }}>{lang === 'vi' ? n.title.vi : (n.title.en ?? n.title.vi)}</Table.Td>
                    <Table.Td style={{ textAlign: 'right' }} data-testid={`parset-max-${n.code}`}>{fmt(n.max)}</Table.Td>
                    <Table.Td>{leaf ? methodLabel(n.method) : ''}</Table.Td>
                    {!readOnly && (
                      <Table.Td>
                        <Group gap={4} wrap="nowrap">
                          <Button size="compact-xs" variant="light" onClick={() => openEdit(n, leaf)} data-testid={`parset-edit-${n.code}`}>{t('parset.edit')}</Button>
                          <Button size="compact-xs" variant="subtle" onClick={() => openAdd(n.code)} data-testid={`parset-add-${n.code}`}>{t('parset.addChild')}</Button>
                          <Button size="compact-xs" variant="subtle" color="red" onClick={() => setRemoving(n.code)} data-testid={`parset-remove-${n.code}`}>{t('parset.remove')}</Button>
                        </Group>
                      </Table.Td>
                    )}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
          {!readOnly && (
            <Group p="sm">
              <Button variant="light" onClick={() => openAdd(null)} data-testid="parset-add-area">{t('parset.addArea')}</Button>
            </Group>
          )}
        </Card>
      )}

      <Modal opened={editing !== null} onClose={() => setEditing(null)} title={editing?.code ? t('parset.node', { code: editing.code }) : t('parset.addChild')} size="lg">
        {editing && (
          <Stack gap="sm" data-testid="parset-form">
            {editing.code === null && <TextInput label={t('parset.field.code')} value={editing.form.code} onChange={(e) => setField({ code: e.currentTarget.value })} required data-testid="parset-field-code" />}
            <TextInput label={t('parset.field.titleVi')} value={editing.form.titleVi} onChange={(e) => setField({ titleVi: e.currentTarget.value })} required data-testid="parset-field-title" />
            <TextInput label={t('parset.field.titleEn')} value={editing.form.titleEn} onChange={(e) => setField({ titleEn: e.currentTarget.value })} />
            {editing.leaf ? (
              <>
                <NumberInput label={t('parset.field.max')} value={editing.form.max} onChange={(v) => setField({ max: v })} min={0} decimalScale={2} decimalSeparator="," data-testid="parset-field-max" />
                <Select
                  label={t('parset.field.method')}
                  data={KINDS.map((k) => ({ value: k, label: t(`parset.method.${k}`) }))}
                  value={editing.form.method.kind}
                  onChange={(v) => v && setMethod({ kind: v as MethodForm['kind'] })}
                  allowDeselect={false}
                  data-testid="parset-field-method"
                />
                {editing.form.method.kind === 'options' && (
                  <Textarea label={t('parset.field.options')} autosize minRows={3} value={editing.form.method.options} onChange={(e) => setMethod({ options: e.currentTarget.value })} data-testid="parset-field-options" />
                )}
                {editing.form.method.kind === 'auto' && (
                  <Select label={t('parset.field.metric')} data={[...AUTO_METRICS]} value={editing.form.method.metric} onChange={(v) => v && setMethod({ metric: v as MethodForm['metric'] })} allowDeselect={false} />
                )}
                {editing.form.method.kind === 'survey' && (
                  <Select
                    label={t('parset.field.group')}
                    data={[{ value: '', label: '—' }, { value: 'officials', label: 'officials' }, { value: 'leaders', label: 'leaders' }, { value: 'citizens', label: 'citizens' }]}
                    value={editing.form.method.group}
                    onChange={(v) => setMethod({ group: (v ?? '') as MethodForm['group'] })}
                  />
                )}
                {(editing.form.method.kind === 'rate' || editing.form.method.kind === 'number' || editing.form.method.kind === 'auto') && (
                  <>
                    <Select
                      label={t('parset.field.mapping')}
                      data={[{ value: 'thresholds', label: t('parset.mapping.thresholds') }, { value: 'linear', label: t('parset.mapping.linear') }]}
                      value={editing.form.method.mapping}
                      onChange={(v) => v && setMethod({ mapping: v as MethodForm['mapping'] })}
                      allowDeselect={false}
                    />
                    {editing.form.method.mapping === 'thresholds' ? (
                      <Textarea label={t('parset.field.thresholds')} autosize minRows={2} value={editing.form.method.thresholds} onChange={(e) => setMethod({ thresholds: e.currentTarget.value })} data-testid="parset-field-thresholds" />
                    ) : (
                      <Group grow>
                        <NumberInput label={t('parset.field.zeroAt')} value={editing.form.method.zeroAt} onChange={(v) => setMethod({ zeroAt: Number(v) || 0 })} min={0} />
                        <NumberInput label={t('parset.field.fullAt')} value={editing.form.method.fullAt} onChange={(v) => setMethod({ fullAt: Number(v) || 0 })} min={0} />
                      </Group>
                    )}
                  </>
                )}
              </>
            ) : (
              <Text size="sm" c="dimmed">{t('parset.parentMax')}</Text>
            )}
            <Textarea label={t('parset.field.evidence')} autosize minRows={1} value={editing.form.evidence} onChange={(e) => setField({ evidence: e.currentTarget.value })} />
            {editing.leaf && <Checkbox label={t('parset.field.evidenceRequired')} checked={editing.form.evidenceRequired} onChange={(e) => setField({ evidenceRequired: e.currentTarget.checked })} />}
            <TextInput label={t('parset.field.appliesTo')} value={editing.form.appliesTo} onChange={(e) => setField({ appliesTo: e.currentTarget.value })} />
            <Textarea label={t('parset.field.guidance')} autosize minRows={2} value={editing.form.guidance} onChange={(e) => setField({ guidance: e.currentTarget.value })} />
            {formError && (
              <Alert color="red" role="alert" data-testid="parset-form-error">
                {formError}
              </Alert>
            )}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setEditing(null)}>{t('parset.cancel')}</Button>
              <Button onClick={apply} disabled={!editing.form.titleVi.trim() || !editing.form.code.trim()} data-testid="parset-apply">{t('parset.apply')}</Button>
            </Group>
          </Stack>
        )}
      </Modal>

      <Modal opened={removing !== null} onClose={() => setRemoving(null)} title={t('parset.remove')}>
        <Stack gap="sm">
          <Text>{t('parset.removeConfirm', { code: removing ?? '' })}</Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setRemoving(null)}>{t('parset.cancel')}</Button>
            <Button color="red" onClick={() => { if (doc && removing) change(removeNode(doc, removing)); setRemoving(null); }} data-testid="parset-remove-confirm">{t('parset.remove')}</Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}
