// A file attached in a Teams personal chat arrives as a pre-authenticated download URL
// (application/vnd.microsoft.teams.file.download.info); no token is sent with it.
import type { Attachment } from '@microsoft/teams.api';
import { z } from 'zod';
import { AppError } from '../errors/app-error.js';
import { readUpload } from '../imports/read-upload.js';

const downloadInfo = z.object({
  contentType: z.literal('application/vnd.microsoft.teams.file.download.info'),
  name: z.string().default('upload.csv'),
  content: z.object({ downloadUrl: z.url(), fileType: z.string().optional() }),
});
export type TeamsFile = { name: string; downloadUrl: string };

export function fileAttachmentOf(attachments: Attachment[] | undefined): TeamsFile | undefined {
  for (const attachment of attachments ?? []) {
    const parsed = downloadInfo.safeParse(attachment);
    if (parsed.success) return { name: parsed.data.name, downloadUrl: parsed.data.content.downloadUrl };
  }
  return undefined;
}

export async function downloadTeamsFile(file: TeamsFile, allowInsecure: boolean): Promise<Buffer> {
  const url = new URL(file.downloadUrl);
  if (url.protocol !== 'https:' && !allowInsecure) {
    throw new AppError('import.unreadable', { reason: 'the file link is not https' }, 'invalid');
  }
  const res = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(60_000) });
  if (!res.ok) throw new AppError('import.unreadable', { reason: `the file could not be fetched (${res.status})` });
  return readUpload(res);
}
