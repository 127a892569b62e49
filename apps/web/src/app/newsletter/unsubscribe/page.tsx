import { UnsubscribeButton } from "@/components/email-verification";
import { LinkPage, linkPageMetadata } from "@/components/link-page";

export const generateMetadata = () => linkPageMetadata("unsubscribe");

type Params = { email?: string | string[]; token?: string | string[] };

export default async function Page({ searchParams }: { searchParams: Promise<Params> }) {
  const params = await searchParams;
  const email = typeof params.email === "string" ? params.email : "";
  const token = typeof params.token === "string" && email ? params.token : "";
  return (
    <LinkPage page="unsubscribe" token={token} intro={{ email }}>
      <UnsubscribeButton email={email} token={token} />
    </LinkPage>
  );
}
