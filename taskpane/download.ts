/** Offers bytes as a file download in the browser (standalone mode). Nothing is sent anywhere. */
export function downloadBytes(bytes: Uint8Array, fileName: string, mime = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): void {
  const blob = new Blob([bytes as BlobPart], { type: mime });
  const url = URL.createObjectURL(blob);
  const a = document.createElement("a");
  a.href = url;
  a.download = fileName;
  a.style.display = "none";
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
