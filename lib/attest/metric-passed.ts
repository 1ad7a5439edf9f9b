/** A metric's verdict: its own `passed`, else value vs threshold by comparator; null when it cannot be told. */
export function metricPassed(m: Record<string, unknown> | null | undefined): boolean | null {
  if (!m) return null;
  if (typeof m.passed === "boolean") return m.passed;
  const { value, threshold, comparator } = m;
  if (typeof value !== "number" || typeof threshold !== "number") return null;
  switch (comparator) {
    case "<=": return value <= threshold;
    case "<": return value < threshold;
    case ">=": return value >= threshold;
    case ">": return value > threshold;
    case "==": case "=": return value === threshold;
    default: return null;
  }
}

