/** Line icons for the kiosk's big tiles, drawn inline: the kiosk's browser may have no emoji font. */
import type { ReactNode } from "react";

const Svg = ({ className = "h-16 w-16", children }: { className?: string; children: ReactNode }) => (
  <svg
    aria-hidden
    viewBox="0 0 24 24"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.6"
    strokeLinecap="round"
    strokeLinejoin="round"
    className={`shrink-0 ${className}`}
  >
    {children}
  </svg>
);

export const PackageIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M3 7l9-4 9 4v10l-9 4-9-4zM3 7l9 4 9-4M12 11v10M7.5 5l9 4" />
  </Svg>
);
export const ReturnIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M9 14L4 9l5-5M4 9h11a5 5 0 010 10h-4" />
  </Svg>
);
export const ClockIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7v5l3 2" />
  </Svg>
);
export const StarIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M12 3l2.7 5.6 6.1.9-4.4 4.3 1 6.1L12 17l-5.4 2.9 1-6.1-4.4-4.3 6.1-.9z" />
  </Svg>
);
export const PhoneIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <rect x="7" y="2" width="10" height="20" rx="2" />
    <path d="M11 18h2" />
  </Svg>
);
export const QrIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M4 4h6v6H4zM14 4h6v6h-6zM4 14h6v6H4zM14 14h2v2h-2zM18 14h2M14 18h2v2M18 18h2v2h-2" />
  </Svg>
);
export const TouchIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <path d="M9 11V5a2 2 0 014 0v5m0 0V9a2 2 0 014 0v2m0 0a2 2 0 014 0v4a7 7 0 01-7 7h-1a7 7 0 01-6-3.5L4 15a2 2 0 013.4-2l1.6 2" />
  </Svg>
);
export const LockIcon = ({ className }: { className?: string }) => (
  <Svg className={className}>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 018 0v4" />
  </Svg>
);
