import { describe, expect, it } from 'vitest';
import { applicantFieldValid } from './applicant.ts';

describe('applicant fields (the API\'s rule, shared with the intake form)', () => {
  it('e-mail: accepts ordinary addresses, refuses what the API refuses', () => {
    for (const ok of ['mai@example.vn', 'nguyen.van.an+hoso@ubnd.gialai.gov.vn', ' lan@Example.VN ']) expect(applicantFieldValid('email', ok), ok).toBe(true);
    for (const bad of ['a@b.c', 'mai@', 'mai@example', 'mai example@x.vn', '@example.vn']) expect(applicantFieldValid('email', bad), bad).toBe(false);
  });
  it('ID number: 12 or 9 digits; phone: 8–15 digits, optional +', () => {
    expect(applicantFieldValid('idNumber', '052190007777')).toBe(true);
    expect(applicantFieldValid('idNumber', '052190007')).toBe(true);
    expect(applicantFieldValid('idNumber', '05219000777')).toBe(false);
    expect(applicantFieldValid('phone', '+84 905 111 222')).toBe(true);
    expect(applicantFieldValid('phone', '0905-111-222')).toBe(false);
  });
});
