/**
 * DSSE Pre-Authentication Encoding (secure-systems-lab/dsse protocol.md): the exact bytes a DSSE signature covers.
 * Hand-written because it is five lines and the spec's own test vector pins it.
 */
export function pae(payloadType: string, body: Uint8Array): Buffer {
  const type = Buffer.from(payloadType, "utf8");
  return Buffer.concat([
    Buffer.from(`DSSEv1 ${type.length} `, "ascii"),
    type,
    Buffer.from(` ${body.length} `, "ascii"),
    body,
  ]);
}
