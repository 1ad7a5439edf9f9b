import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";

export default function NotFound() {
  return (
    <EmptyState title="Page not found">
      Nothing lives at this address. <Link href="/">Back to registries</Link>
    </EmptyState>
  );
}
