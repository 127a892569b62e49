import { LinkPage, linkPageMetadata } from "@/components/link-page";
import { ResetPasswordForm } from "@/components/password-forms";

export const generateMetadata = () => linkPageMetadata("reset");

export default async function Page({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  return (
    <LinkPage page="reset" token={value}>
      <ResetPasswordForm token={value} />
    </LinkPage>
  );
}
