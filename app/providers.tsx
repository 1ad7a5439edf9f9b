"use client";

import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { useState, type ReactNode } from "react";
import { ApiError } from "@/lib/api/api-error";

/** One QueryClient per browser tab (per request on the server), created lazily so it is never shared. */
export function Providers({ children }: { children: ReactNode }) {
  const [client] = useState(
    () =>
      new QueryClient({
        defaultOptions: {
          queries: {
            // Tag-addressed data can move; digest-addressed queries override this with Infinity.
            staleTime: 30_000,
            refetchOnWindowFocus: false,
            // Client errors (4xx) will not change on retry; one retry covers a flaky registry.
            retry: (count, error) => count < 1 && !(error instanceof ApiError && error.status < 500),
          },
        },
      }),
  );
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}
