/** Opens a PDF the API answered in base64 (a carrier's label, a receipt) in a new tab, ready to print. */
export function openPdf(answer: { pdfBase64: string; contentType: string }) {
  const bytes = Uint8Array.from(atob(answer.pdfBase64), (c) => c.charCodeAt(0));
  window.open(URL.createObjectURL(new Blob([bytes], { type: answer.contentType })), "_blank");
}
