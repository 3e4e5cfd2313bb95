export interface DownloadFile {
  fileName: string;
  /** Text (written as UTF-8), the bytes of a binary file such as a .zip, or a long export already gathered as a Blob. */
  content: string | Uint8Array | Blob;
  mimeType: string;
}

/**
 * Saves text through a Blob URL and an <a download> click: works from an extension page without the
 * "downloads" permission. The URL is revoked later because Chrome starts reading it after click() returns.
 */
export function downloadFile({ fileName, content, mimeType }: DownloadFile, doc: Document = document): void {
  const url = URL.createObjectURL(new Blob([content as BlobPart], { type: mimeType }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
