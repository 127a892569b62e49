import type { ReactNode } from "react";

import { GearIcon, GlobeIcon, KioskIcon, StoreIcon } from "./icons";
import { humanize, pick } from "./labels";

const channels: Record<string, { pl: string; en: string; icon: ReactNode }> = {
  web: { pl: "Sklep internetowy", en: "Online shop", icon: <GlobeIcon /> },
  kiosk: { pl: "Kiosk w sklepie", en: "In-store kiosk", icon: <KioskIcon /> },
  store: { pl: "W sklepie", en: "In store", icon: <StoreIcon /> },
  system: { pl: "Automatycznie", en: "Automatic", icon: <GearIcon /> },
};

export const channelLabel = (channel: string, locale?: string) => {
  const known = channels[channel];
  return known ? pick(known, locale) : humanize(channel);
};

/** Where something happened (web, kiosk, store counter), as an icon and words. */
export function ChannelLabel({ channel, locale = "pl" }: { channel: string; locale?: string }) {
  return (
    <span
      data-testid="channel"
      data-channel={channel}
      className="inline-flex items-center gap-1 text-sm text-slate-600"
    >
      {channels[channel]?.icon ?? <span aria-hidden>•</span>}
      {channelLabel(channel, locale)}
    </span>
  );
}
