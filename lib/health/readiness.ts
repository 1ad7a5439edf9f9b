/** One thing a replica needs before it should get traffic. */
export interface ReadinessCheck {
  name: string;
  /** resolves with problems (none: fine) or rejects (counts as one problem) */
  run: () => Promise<string[]>;
}

export interface ReadinessReport {
  ready: boolean;
  checks: { name: string; ok: boolean; problems: string[]; ms: number }[];
}

/**
 * Runs every check at once, each cut off after `timeoutMs` (a database that hangs must not hang the probe: the
 * kubelet would time it out and learn nothing). Ready only when every check passed.
 */
export async function checkReadiness(checks: readonly ReadinessCheck[], timeoutMs: number): Promise<ReadinessReport> {
  const results = await Promise.all(
    checks.map(async (check) => {
      const started = performance.now();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<string[]>((resolve) => {
        timer = setTimeout(() => resolve([`${check.name}: no answer within ${timeoutMs} ms`]), timeoutMs);
      });
      const problems = await Promise.race([
        check.run().catch((e: unknown) => [`${check.name}: ${e instanceof Error ? e.message.split("\n")[0] : String(e)}`]),
        timeout,
      ]);
      clearTimeout(timer);
      return { name: check.name, ok: problems.length === 0, problems, ms: Math.round(performance.now() - started) };
    }),
  );
  return { ready: results.every((r) => r.ok), checks: results };
}
