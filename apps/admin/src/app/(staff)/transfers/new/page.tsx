import { navTitle } from "@/components/simple-page";

import { NewTransferForm } from "./new-transfer-form";

export const generateMetadata = navTitle("transfers");

export default function NewTransferPage() {
  return <NewTransferForm />;
}
