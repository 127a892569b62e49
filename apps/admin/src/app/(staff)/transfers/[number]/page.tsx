import { navTitle } from "@/components/simple-page";

import { TransferDetail } from "./transfer-detail";

export const generateMetadata = navTitle("transfers");

export default async function TransferPage({ params }: { params: Promise<{ number: string }> }) {
  return <TransferDetail transferNumber={decodeURIComponent((await params).number)} />;
}
