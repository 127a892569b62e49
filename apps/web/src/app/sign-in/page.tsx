import { AuthPage, authPageMetadata } from "@/components/auth-page";

export const generateMetadata = () => authPageMetadata("sign-in");

export default function Page({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  return <AuthPage mode="sign-in" searchParams={searchParams} />;
}
