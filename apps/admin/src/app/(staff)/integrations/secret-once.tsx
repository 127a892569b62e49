/** A secret shown once after it is made: the server keeps no copy it could show again. */
export function SecretOnce({ note, value, testId }: { note: string; value: string; testId: string }) {
  return (
    <div className="mt-3 rounded-lg bg-slate-900 p-4 text-white" role="status">
      <p className="text-sm text-slate-300">{note}</p>
      <p className="mt-2 font-mono text-sm break-all select-all" data-testid={testId}>
        {value}
      </p>
    </div>
  );
}
