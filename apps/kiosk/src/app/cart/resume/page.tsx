import { ResumeCartScreen } from "@/components/resume-cart-screen";

export default function ResumeCartPage() {
  return <ResumeCartScreen />;
}
