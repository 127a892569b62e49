import { SignInScreen } from "@/components/sign-in-screen";

export default function SignInPage() {
  return <SignInScreen />;
}
