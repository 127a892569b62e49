import { OrderTrackingScreen } from "@/components/order-tracking-screen";

type Props = { searchParams: Promise<{ number?: string; email?: string }> };

/** Where is my order; the confirmation of an order placed here links with its number and e-mail. */
export default async function OrdersPage({ searchParams }: Props) {
  const { number, email } = await searchParams;
  const text = (value: unknown, max: number) => (typeof value === "string" ? value.trim().slice(0, max) : undefined);
  return <OrderTrackingScreen number={text(number, 64)} email={text(email, 320)} />;
}
