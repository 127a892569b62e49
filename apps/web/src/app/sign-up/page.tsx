import { AuthPage, authPageMetadata } from "@/components/auth-page";

export const generateMetadata = () => authPageMetadata("sign-up");

export default function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return <AuthPage mode="sign-up" searchParams={searchParams} />;
}
