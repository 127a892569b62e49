/** A text field of a submitted form ("" when absent; a file input is not text, so it reads as absent too). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
