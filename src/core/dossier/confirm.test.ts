import { describe, expect, it } from 'vitest';
import { preSendStep, previewFromConfirmationError, withConfirmation, type ActionPreview } from './confirm.ts';

const late = { code: 'SUPPLEMENT_REQUEST_LATE', message: 'Yêu cầu bổ sung muộn', messageEn: 'Late supplement request' };
const counted = { code: 'INDEX_COUNTS_LATE', message: 'Tính là trễ hạn', messageEn: 'Counted late' };
const p = (over: Partial<ActionPreview>): ActionPreview => ({ allowed: true, code: null, message: null, consequences: [], requiresConfirmation: false, ...over });

describe('preSendStep', () => {
  it('sends at once when there is nothing to tell, no preview, or the action would be refused', () => {
    expect(preSendStep(p({}), false, false)).toEqual({ kind: 'send', confirm: false });
    expect(preSendStep(null, false, false)).toEqual({ kind: 'send', confirm: false });
    expect(preSendStep(p({ allowed: false, code: 'FORBIDDEN', message: 'x', consequences: [counted], requiresConfirmation: true }), false, false)).toEqual({ kind: 'send', confirm: false });
  });

  it('tells a consequence once, then sends without confirm when none is required', () => {
    const preview = p({ consequences: [late] });
    expect(preSendStep(preview, false, false)).toEqual({ kind: 'tell', consequences: [late], needsConfirmation: false });
    expect(preSendStep(preview, true, false)).toEqual({ kind: 'send', confirm: false });
  });

  it('waits for the confirmation when required and then sends confirm', () => {
    const preview = p({ consequences: [late, counted], requiresConfirmation: true });
    expect(preSendStep(preview, false, true)).toEqual({ kind: 'tell', consequences: [late, counted], needsConfirmation: true });
    expect(preSendStep(preview, true, false)).toEqual({ kind: 'tell', consequences: [late, counted], needsConfirmation: true });
    expect(preSendStep(preview, true, true)).toEqual({ kind: 'send', confirm: true });
  });

  it('a CONFIRMATION_REQUIRED answer becomes a preview that must be confirmed, with its reason', () => {
    const preview = previewFromConfirmationError({ message: 'Cần xác nhận', messageEn: 'Confirmation required' });
    expect(preSendStep(preview, true, false)).toEqual({ kind: 'tell', consequences: [{ code: 'CONFIRMATION_REQUIRED', message: 'Cần xác nhận', messageEn: 'Confirmation required' }], needsConfirmation: true });
    expect(preSendStep(preview, true, true)).toEqual({ kind: 'send', confirm: true });
  });
});

describe('withConfirmation', () => {
  it('adds confirm: true only when confirming', () => {
    expect(withConfirmation({ missingItems: ['a'] }, true)).toEqual({ missingItems: ['a'], confirm: true });
    expect(withConfirmation({ missingItems: ['a'] }, false)).toEqual({ missingItems: ['a'] });
  });
});
