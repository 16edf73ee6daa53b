/**
 * VietQR (NAPAS 247 bank-transfer QR), an EMVCo merchant-presented QR payload:
 *
 *   00 payload format "01" · 01 point of initiation "11" static / "12" dynamic (with an amount)
 *   38 merchant account: 00 GUID "A000000727" (NAPAS) · 01 beneficiary (00 BIN, 01 account number) · 02 service "QRIBFTTA"
 *   53 currency "704" (VND) · 54 amount · 58 country "VN"
 *   62 additional data: 05 reference label, 08 purpose of transaction (shown as the transfer content)
 *   63 CRC16-CCITT (poly 0x1021, init 0xFFFF) over everything before it, including "6304"
 *
 * Each field is ID (2 digits) + length (2 digits) + value. Pure: no I/O.
 */

export interface VietQrInput {
  /** The bank's 6-digit NAPAS BIN (e.g. 970415 VietinBank). */
  bin: string;
  accountNumber: string;
  /** Whole đồng; omitted = a static code (the payer types the amount). */
  amountVnd?: number;
  /** Transfer content (≤ 25 characters: letters, digits, space, . - _). */
  purpose?: string;
  /** Reference label (≤ 25 characters). */
  reference?: string;
}

export function tlv(id: string, value: string): string {
  if (!/^\d{2}$/.test(id)) throw new Error(`bad EMV tag ${id}`);
  if (value.length > 99) throw new Error(`EMV field ${id} is longer than 99 characters`);
  return id + String(value.length).padStart(2, '0') + value;
}

/** CRC-16/CCITT-FALSE as EMVCo requires, as 4 upper-case hex digits. */
export function crc16ccitt(s: string): string {
  let crc = 0xffff;
  for (const byte of new TextEncoder().encode(s)) {
    crc ^= byte << 8;
    for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
  }
  return crc.toString(16).toUpperCase().padStart(4, '0');
}

const SAFE = /^[A-Za-z0-9 .\-_]*$/;

export function buildVietQr(i: VietQrInput): string {
  if (!/^\d{6}$/.test(i.bin)) throw new Error('the bank BIN must be 6 digits');
  if (!/^[0-9A-Za-z]{1,19}$/.test(i.accountNumber)) throw new Error('the account number must be 1–19 letters or digits');
  if (i.amountVnd !== undefined && (!Number.isInteger(i.amountVnd) || i.amountVnd <= 0 || String(i.amountVnd).length > 13)) throw new Error('the amount must be a positive whole number of đồng');
  for (const [k, v] of [['purpose', i.purpose], ['reference', i.reference]] as const) {
    if (v !== undefined && (v.length > 25 || !SAFE.test(v))) throw new Error(`${k} must be ≤ 25 plain characters`);
  }
  const beneficiary = tlv('00', i.bin) + tlv('01', i.accountNumber);
  const merchant = tlv('00', 'A000000727') + tlv('01', beneficiary) + tlv('02', 'QRIBFTTA');
  const additional = (i.reference ? tlv('05', i.reference) : '') + (i.purpose ? tlv('08', i.purpose) : '');
  const body =
    tlv('00', '01') +
    tlv('01', i.amountVnd !== undefined ? '12' : '11') +
    tlv('38', merchant) +
    tlv('53', '704') +
    (i.amountVnd !== undefined ? tlv('54', String(i.amountVnd)) : '') +
    tlv('58', 'VN') +
    (additional ? tlv('62', additional) : '') +
    '6304';
  return body + crc16ccitt(body);
}

/** Parses a payload into its top-level fields and checks the CRC (for tests and for reading codes back). */
export function parseEmv(payload: string): { fields: Map<string, string>; crcOk: boolean } {
  const fields = new Map<string, string>();
  let i = 0;
  while (i < payload.length) {
    const id = payload.slice(i, i + 2);
    const len = Number(payload.slice(i + 2, i + 4));
    if (!/^\d{2}$/.test(id) || !Number.isInteger(len)) throw new Error(`malformed EMV payload at ${i}`);
    fields.set(id, payload.slice(i + 4, i + 4 + len));
    i += 4 + len;
  }
  const crc = fields.get('63');
  const crcOk = crc !== undefined && payload.endsWith('6304' + crc) && crc16ccitt(payload.slice(0, -4)) === crc;
  return { fields, crcOk };
}
