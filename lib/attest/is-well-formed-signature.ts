/**
 * Whether bytes have the shape of a signature some key could have made: an ASN.1 DER ECDSA SEQUENCE of two INTEGERs,
 * a raw r‖s / Ed25519 value (64, 96, 114 or 132 bytes) or an RSA value (128…1024 bytes). A signature that is none of
 * these was mangled, so it is reported as invalid rather than as made by an unknown key.
 */
export function isWellFormedSignature(sig: Uint8Array): boolean {
  if ([64, 96, 114, 132].includes(sig.length)) return true;
  if (sig.length >= 128 && sig.length <= 1024 && sig.length % 128 === 0) return true;
  return isDerEcdsa(sig);
}

function isDerEcdsa(b: Uint8Array): boolean {
  if (b.length < 8 || b[0] !== 0x30) return false;
  let i = 1;
  let seqLen = b[i++]!;
  if (seqLen === 0x81) seqLen = b[i++]!;
  else if (seqLen > 0x80) return false;
  if (i + seqLen !== b.length) return false;
  for (let n = 0; n < 2; n++) {
    if (b[i++] !== 0x02) return false;
    const len = b[i++]!;
    if (len === 0 || len > 67 || i + len > b.length) return false;
    i += len;
  }
  return i === b.length;
}
