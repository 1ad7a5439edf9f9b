import "server-only";
import { createHash } from "node:crypto";
import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import { AppError } from "@/lib/errors";
import { currentBudget } from "@/lib/http/request-budget";
import { sendRequest } from "@/lib/oci/client/send-request";
import type { OciContext } from "@/lib/oci/client/types";
import { parseDigest, type ParsedDigest } from "@/lib/oci/digest/parse-digest";
import { assertRepositoryName } from "@/lib/oci/reference/assert-repository-name";
import type { ByteRange, Descriptor } from "@/lib/oci/types";
import { discardBody } from "@/lib/oci/transport/discard-body";

/**
 * The body's own failures (connection reset, socket aborted by the request budget, body-idle timeout) as
 * AppErrors naming the registry, so no consumer sees a bare `TypeError: terminated`.
 */
async function* mapped(source: AsyncIterable<Buffer>, ctx: OciContext, what: string): AsyncGenerator<Buffer> {
  const done = currentBudget()?.begin(ctx.name, `reading ${what}`);
  try {
    yield* source;
  } catch (e) {
    const budget = currentBudget();
    if (budget?.signal.aborted) throw budget.expired();
    if (e instanceof AppError) throw e;
    const reason = (e as { cause?: { code?: string; message?: string }; message?: string })?.cause?.code ?? (e as Error)?.message ?? String(e);
    throw new AppError("UPSTREAM", `${what} broke off while it was being read (${String(reason).slice(0, 200)})`, {
      cause: e,
      details: { registry: ctx.name },
    });
  } finally {
    done?.();
  }
}

async function* verified(source: AsyncIterable<Buffer>, digest: ParsedDigest, size: number, what: string) {
  const hash = createHash(digest.algorithm);
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > size) {
      throw new AppError("DIGEST_MISMATCH", `${what} is longer than its descriptor's ${size} bytes`, {
        details: { expectedSize: size },
      });
    }
    hash.update(chunk);
    yield chunk;
  }
  if (seen !== size) {
    throw new AppError("DIGEST_MISMATCH", `${what} is ${seen} bytes, its descriptor says ${size}`, {
      details: { expectedSize: size, actualSize: seen },
    });
  }
  const actual = `${digest.algorithm}:${hash.digest("hex")}`;
  if (actual !== digest.digest) {
    throw new AppError("DIGEST_MISMATCH", `${what} has digest ${actual}`, { details: { expected: digest.digest, actual, registryWhat: what } });
  }
}

/** Bytes [skip, skip+length) of the source; stops reading (and cancels the body) once they are out. */
async function* sliced(source: AsyncIterable<Buffer>, skip: number, length: number, what: string) {
  let pos = 0;
  let sent = 0;
  for await (const chunk of source) {
    const start = pos;
    pos += chunk.byteLength;
    if (pos <= skip) continue;
    const from = Math.max(0, skip - start);
    const to = Math.min(chunk.byteLength, from + (length - sent));
    const part = chunk.subarray(from, to);
    sent += part.byteLength;
    if (part.byteLength > 0) yield part;
    if (sent >= length) return;
  }
  if (sent < length) {
    throw new AppError("UPSTREAM", `${what} ended after ${sent} of ${length} requested bytes`);
  }
}

/** A 206 body must be exactly the requested length; more or less means the registry sent something else. */
async function* exactly(source: AsyncIterable<Buffer>, length: number, what: string) {
  let seen = 0;
  for await (const chunk of source) {
    seen += chunk.byteLength;
    if (seen > length) throw new AppError("UPSTREAM", `${what}: range answer longer than ${length} bytes`);
    yield chunk;
  }
  if (seen !== length) throw new AppError("UPSTREAM", `${what}: range answer is ${seen} bytes, expected ${length}`);
}

/**
 * Streams a blob. Without a range the stream is verified against `desc.size` and `desc.digest`: a
 * mismatch makes it error with DIGEST_MISMATCH before it ends. With a range, 206 is expected; a
 * registry that answers 200 is handled by slicing the wanted bytes out of the stream and cancelling the
 * rest (nothing is buffered).
 */
export async function fetchBlob(
  ctx: OciContext,
  repo: string,
  desc: Pick<Descriptor, "digest" | "size">,
  range?: ByteRange,
): Promise<Readable> {
  assertRepositoryName(repo);
  const digest = parseDigest(desc.digest, "BAD_REQUEST");
  if (!Number.isSafeInteger(desc.size) || desc.size < 0) throw new AppError("BAD_REQUEST", `invalid blob size ${desc.size}`);
  if (range) {
    const { start, end } = range;
    if (!Number.isSafeInteger(start) || !Number.isSafeInteger(end) || start < 0 || end < start || end >= desc.size) {
      throw new AppError("BAD_REQUEST", `invalid range ${start}-${end} for a blob of ${desc.size} bytes`);
    }
  }
  const what = `blob ${repo}@${digest.digest} from registry ${ctx.name}`;
  const res = await sendRequest(ctx, {
    method: "GET",
    target: `/v2/${repo}/blobs/${digest.digest}`,
    headers: range ? { range: `bytes=${range.start}-${range.end}` } : {},
    expect: range ? [200, 206] : [200],
    what,
  });
  if (!res.body) throw new AppError("UPSTREAM", `${what}: empty response`);
  const body = mapped(Readable.fromWeb(res.body as unknown as NodeWebReadableStream<Uint8Array>) as AsyncIterable<Buffer>, ctx, what);
  if (!range) return Readable.from(verified(body, digest, desc.size, what), { objectMode: false });

  const length = range.end - range.start + 1;
  if (res.status === 206) {
    const contentRange = /^bytes (\d+)-(\d+)\//.exec(res.headers.get("content-range") ?? "");
    if (contentRange && (Number(contentRange[1]) !== range.start || Number(contentRange[2]) !== range.end)) {
      discardBody(res);
      throw new AppError("UPSTREAM", `${what}: registry answered range ${contentRange[1]}-${contentRange[2]}`);
    }
    ctx.probes.range = true;
    return Readable.from(exactly(body, length, what), { objectMode: false });
  }
  ctx.probes.range = false;
  return Readable.from(sliced(body, range.start, length, what), { objectMode: false });
}
