import { LinkPage, linkPageMetadata } from "@/components/link-page";
import { ForgotPasswordForm } from "@/components/password-forms";

export const generateMetadata = () => linkPageMetadata("forgot");

export default function Page() {
  return (
    <LinkPage page="forgot">
      <ForgotPasswordForm />
    </LinkPage>
  );
}
