// A full garbage collection inside a test, without starting Node with --expose-gc: proves that whatever an
// abort or a deadline must reach is still strongly held while a call hangs.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let gc: (() => void) | null = null;

export async function collectGarbage(rounds = 3): Promise<void> {
  if (!gc) {
    setFlagsFromString("--expose-gc");
    gc = runInNewContext("gc") as () => void;
  }
  for (let i = 0; i < rounds; i++) {
    // WeakRef targets survive until the job that touched them ends: let it end first.
    await new Promise((resolve) => setTimeout(resolve, 0));
    gc();
  }
}
