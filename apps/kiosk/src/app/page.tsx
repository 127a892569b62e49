export default function KioskHome() {
  return <main className="flex min-h-screen items-center justify-center text-4xl">Omni</main>;
}
