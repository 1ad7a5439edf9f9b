import type { Metadata } from "next";
import Link from "next/link";
import { Suspense, type ReactNode } from "react";
import { UserMenu } from "./_sections/user-menu";
import { Providers } from "./providers";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Kitgate", template: "%s · Kitgate" },
  description: "Browse, inspect and deploy KitOps ModelKits from your OCI registries.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a className="skip-link" href="#main">
          Skip to content
        </a>
        <header className="site-header">
          <div className="inner">
            <Link href="/" className="brand">
              <span className="brand-mark" aria-hidden="true" />
              Kitgate
            </Link>
            <nav className="site-nav" aria-label="Main">
              <Link href="/">Registries</Link>
              <Link href="/approvals">Approvals</Link>
              <Link href="/audit">Audit</Link>
              <Link href="/api">API</Link>
            </nav>
            <div style={{ marginLeft: "auto" }}>
              <Suspense fallback={null}>
                <UserMenu />
              </Suspense>
            </div>
          </div>
        </header>
        <main id="main" className="site-main" tabIndex={-1}>
          <Providers>{children}</Providers>
        </main>
      </body>
    </html>
  );
}
