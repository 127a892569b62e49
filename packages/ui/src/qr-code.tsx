import QRCode from "qrcode";

/** A QR code as inline SVG, rendered on the server or the client without a network call. */
export function QrCode({ value, size = 200, label }: { value: string; size?: number; label: string }) {
  const qr = QRCode.create(value, { errorCorrectionLevel: "M" });
  const count = qr.modules.size;
  const cells: string[] = [];
  for (let y = 0; y < count; y++)
    for (let x = 0; x < count; x++) if (qr.modules.get(x, y)) cells.push(`M${x + 2} ${y + 2}h1v1h-1z`);
  return (
    <svg
      viewBox={`0 0 ${count + 4} ${count + 4}`}
      width={size}
      height={size}
      role="img"
      aria-label={label}
      data-qr-value={value}
      shapeRendering="crispEdges"
    >
      <rect width="100%" height="100%" fill="#fff" />
      <path d={cells.join("")} fill="#000" />
    </svg>
  );
}
