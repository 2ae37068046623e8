// Reads a multipart/form-data body as Discord does: the JSON in `payload_json`, every other part a file.
export interface UploadedFile {
  /** The form field: `files[0]`, … */
  field: string;
  filename: string;
  contentType: string;
  data: Buffer;
}

export interface Multipart {
  payloadJson?: string;
  files: UploadedFile[];
}

export function parseMultipart(body: Buffer, contentType: string): Multipart | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const mark = boundary?.[1] ?? boundary?.[2];
  if (!contentType.startsWith('multipart/form-data') || !mark) return undefined;
  const delimiter = Buffer.from(`--${mark}`);
  const out: Multipart = { files: [] };
  let at = body.indexOf(delimiter);
  while (at >= 0) {
    const start = at + delimiter.length;
    if (body.subarray(start, start + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, start);
    if (next < 0) break;
    // Each part: CRLF, headers, CRLF CRLF, content, CRLF before the next delimiter.
    const part = body.subarray(start + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const data = part.subarray(split + 4);
    const field = /name="([^"]*)"/.exec(headers)?.[1] ?? '';
    const filename = /filename="([^"]*)"/.exec(headers)?.[1];
    if (filename === undefined) {
      if (field === 'payload_json') out.payloadJson = data.toString('utf8');
    } else {
      const type = /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1] ?? 'application/octet-stream';
      out.files.push({ field, filename, contentType: type.trim(), data: Buffer.from(data) });
    }
    at = next;
  }
  return out;
}
