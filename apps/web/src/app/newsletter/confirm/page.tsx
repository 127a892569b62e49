import { ConfirmNewsletterButton } from "@/components/email-verification";
import { LinkPage, linkPageMetadata } from "@/components/link-page";

export const generateMetadata = () => linkPageMetadata("newsletter");

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  return (
    <LinkPage page="newsletter" token={value}>
      <ConfirmNewsletterButton token={value} />
    </LinkPage>
  );
}
