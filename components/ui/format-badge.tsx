import type { ArtifactFormat } from "@/lib/modelkit/types";
import { Badge, type BadgeTone } from "./badge";

const FORMATS: Record<ArtifactFormat | "error", { label: string; tone: BadgeTone; title: string }> = {
  kit: { label: "ModelKit", tone: "ok", title: "KitOps ModelKit (current media types)" },
  "kit-legacy": { label: "ModelKit (legacy)", tone: "warn", title: "Older KitOps ModelKit: legacy media types or no per-entry digests" },
  modelpack: { label: "ModelPack", tone: "violet", title: "CNCF ModelPack artifact (org.cncf.model)" },
  index: { label: "Index", tone: "info", title: "Image index listing several manifests" },
  image: { label: "Not a ModelKit", tone: "neutral", title: "A container image, not a ModelKit" },
  artifact: { label: "Not a ModelKit", tone: "neutral", title: "An OCI artifact that is not a ModelKit" },
  error: { label: "Unreadable", tone: "error", title: "This version could not be read" },
};

export function FormatBadge({ format }: { format: ArtifactFormat | "error" }) {
  const f = FORMATS[format];
  return (
    <Badge tone={f.tone} title={f.title}>
      <span data-format={format}>{f.label}</span>
    </Badge>
  );
}
