import { describe, expect, it } from 'vitest';
import { buildVietQr, crc16ccitt, parseEmv } from './vietqr.ts';

describe('CRC-16/CCITT-FALSE', () => {
  it('matches the standard check value', () => {
    expect(crc16ccitt('123456789')).toBe('29B1');
  });

  it('matches VietQR payloads produced by other generators', () => {
    // A payOS-generated code (MB Bank BIN 970422) and a published NAPAS transfer vector (VietinBank 970415).
    const payos = '00020101021238570010A000000727012700069704220113VQRQADAIJ55120208QRIBFTTA5303704540470005802VN62120808TL89 1006304E346';
    const vietin = '00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C';
    for (const p of [payos, vietin]) {
      expect(crc16ccitt(p.slice(0, -4))).toBe(p.slice(-4));
      expect(parseEmv(p).crcOk).toBe(true);
    }
  });
});

describe('buildVietQr', () => {
  it('reproduces the known-good NAPAS example field by field', () => {
    // Same account, amount and content as the VietinBank vector above (purpose with spaces).
    const p = buildVietQr({ bin: '970415', accountNumber: '0011001932418', amountVnd: 120000, purpose: 'ung ho lu lut' });
    expect(p).toBe('00020101021238570010A00000072701270006970415011300110019324180208QRIBFTTA530370454061200005802VN62170813ung ho lu lut6304C15C');
  });

  it('puts the dossier code in the purpose and the reference in the reference label', () => {
    const p = buildVietQr({ bin: '970405', accountNumber: '5200201000001', amountVnd: 5000, purpose: '000.01.00.H21-260302-0001', reference: 'MC7K2P9Q4X' });
    const { fields, crcOk } = parseEmv(p);
    expect(crcOk).toBe(true);
    expect(fields.get('00')).toBe('01');
    expect(fields.get('01')).toBe('12');
    expect(fields.get('53')).toBe('704');
    expect(fields.get('54')).toBe('5000');
    expect(fields.get('58')).toBe('VN');
    const merchant = parseEmv(fields.get('38')!).fields;
    expect(merchant.get('00')).toBe('A000000727');
    expect(merchant.get('02')).toBe('QRIBFTTA');
    const beneficiary = parseEmv(merchant.get('01')!).fields;
    expect(beneficiary.get('00')).toBe('970405');
    expect(beneficiary.get('01')).toBe('5200201000001');
    const extra = parseEmv(fields.get('62')!).fields;
    expect(extra.get('08')).toBe('000.01.00.H21-260302-0001');
    expect(extra.get('05')).toBe('MC7K2P9Q4X');
  });

  it('detects a tampered payload and refuses bad input', () => {
    const p = buildVietQr({ bin: '970405', accountNumber: '123456', amountVnd: 10000 });
    expect(parseEmv(p.replace('10000', '90000')).crcOk).toBe(false);
    expect(() => buildVietQr({ bin: '97040', accountNumber: '1' })).toThrow();
    expect(() => buildVietQr({ bin: '970405', accountNumber: '1', amountVnd: 1.5 })).toThrow();
    expect(() => buildVietQr({ bin: '970405', accountNumber: '1', purpose: 'x'.repeat(26) })).toThrow();
    expect(parseEmv(buildVietQr({ bin: '970405', accountNumber: '1' })).fields.get('01')).toBe('11');
  });
});
