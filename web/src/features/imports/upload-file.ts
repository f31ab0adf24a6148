import type { ImportSession } from './imports.graphql';

/**
 * Sends a file to POST /imports as its own body (streamed by the browser, never read
 * whole into the page), its name in a header. Answers the new import, or throws an
 * Error with the server's message ("This is an old-style Excel .xls file…").
 */
export async function uploadFile(partnershipId: string, file: File): Promise<Pick<ImportSession, 'id'>> {
  const response = await fetch(`/imports?partnershipId=${encodeURIComponent(partnershipId)}`, {
    method: 'POST',
    headers: { 'content-type': 'application/octet-stream', 'x-file-name': encodeURIComponent(file.name) },
    body: file,
    credentials: 'same-origin',
  });
  const body = (await response.json().catch(() => ({}))) as { id?: string; message?: string };
  if (!response.ok || !body.id) throw new Error(body.message ?? `The upload failed (HTTP ${response.status}).`);
  return { id: body.id };
}
