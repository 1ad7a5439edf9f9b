import Link from "next/link";
import type { ButtonHTMLAttributes, ReactNode } from "react";

type Variant = "default" | "primary";

interface LinkProps {
  href: string;
  children: ReactNode;
  variant?: Variant;
  size?: "sm" | "md";
  disabled?: boolean;
  rel?: string;
}

function classes(variant: Variant = "default", size: "sm" | "md" = "md") {
  return ["btn", variant === "primary" ? "btn-primary" : "", size === "sm" ? "btn-sm" : ""].filter(Boolean).join(" ");
}

/** A link styled as a button; disabled renders a non-focusable span so keyboard users skip it. */
export function ButtonLink({ href, children, variant, size, disabled, rel }: LinkProps) {
  if (disabled)
    return (
      <span className={classes(variant, size)} aria-disabled="true">
        {children}
      </span>
    );
  return (
    <Link href={href} className={classes(variant, size)} rel={rel}>
      {children}
    </Link>
  );
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...rest
}: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: Variant; size?: "sm" | "md" }) {
  return <button type={type} className={[classes(variant, size), className].filter(Boolean).join(" ")} {...rest} />;
}
