import "server-only";
import { createHash } from "node:crypto";
import { Transform } from "node:stream";
import { AppError } from "@/lib/errors";
import { parseDigest } from "@/lib/oci/digest/parse-digest";

/**
 * A pass-through that hashes and counts what flows through it and fails with DIGEST_MISMATCH before it
 * ends when the bytes are not exactly `expected` — so a consumer that sees 'end' saw verified content.
 * Too many bytes fail as soon as they arrive, not at the end.
 */
export function createVerifyingStream(expected: { digest: string; size: number }, what = "blob"): Transform {
  const { algorithm, digest } = parseDigest(expected.digest);
  const hash = createHash(algorithm);
  let seen = 0;
  return new Transform({
    transform(chunk: Buffer, _enc, done) {
      seen += chunk.length;
      if (seen > expected.size) {
        done(new AppError("DIGEST_MISMATCH", `${what} ${digest} is larger than its descriptor's ${expected.size} bytes`));
        return;
      }
      hash.update(chunk);
      done(null, chunk);
    },
    flush(done) {
      const actual = `${algorithm}:${hash.digest("hex")}`;
      if (seen !== expected.size) {
        done(new AppError("DIGEST_MISMATCH", `${what} ${digest}: got ${seen} bytes, descriptor says ${expected.size}`));
      } else if (actual !== digest) {
        done(new AppError("DIGEST_MISMATCH", `${what} content does not match ${digest} (got ${actual})`, {
          details: { expected: digest, actual },
        }));
      } else done();
    },
  });
}
