export default function AdminHome() {
  return <main className="p-6 text-2xl">Omni back office</main>;
}
